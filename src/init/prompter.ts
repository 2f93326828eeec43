/**
 * The interview at a terminal, through @inquirer/prompts (loaded only here,
 * only when someone is there to answer). Ctrl-C, and Ctrl-D at any prompt,
 * stop the interview with `Interrupted`, before anything is written.
 */
import type { Asker } from './interview.js';
import { DONT_KNOW, NONE, parseAnswer, RUNG_CHOICES, type Answer, type AskContext, type Question } from './questions.js';
import type { Style } from '../report/style.js';

/** The person stopped the interview (Ctrl-C or Ctrl-D). */
export class Interrupted extends Error {
  override name = 'Interrupted';
}

export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const DONT_KNOW_CHOICE = { value: DONT_KNOW, name: "Don't know" };

export async function terminalAsker(terminal: Terminal, look: Style): Promise<Asker> {
  const prompts = await import('@inquirer/prompts');
  const { input, output } = terminal;

  /** Runs one prompt; Ctrl-C (inquirer's ExitPromptError) and Ctrl-D become Interrupted. */
  const guarded = async <T>(prompt: (context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const onKey = (_text: unknown, key: { ctrl?: boolean; name?: string } | undefined): void => {
      if (key?.ctrl && key.name === 'd') controller.abort();
    };
    const onEnd = (): void => controller.abort();
    input.on('keypress', onKey);
    input.on('end', onEnd);
    try {
      return await prompt({ input, output, signal: controller.signal });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') throw new Interrupted('Stopped');
      throw error;
    } finally {
      input.removeListener('keypress', onKey);
      input.removeListener('end', onEnd);
    }
  };

  const hint = (question: Question): void => {
    if (question.hint) output.write(look.dim(`  ${question.hint}`) + '\n');
  };

  const ask = async (question: Question, context: AskContext): Promise<Answer> => {
    hint(question);
    switch (question.kind) {
      case 'choice': {
        const choices = [...(question.choices ?? []).map((c) => (c.short ? { value: c.value, name: c.name, short: c.short } : { value: c.value, name: c.name })), DONT_KNOW_CHOICE];
        return guarded((ctx) => prompts.select({ message: question.message, choices, pageSize: choices.length }, ctx));
      }
      case 'multi': {
        const special = new Set([NONE, DONT_KNOW]);
        const choices = [
          ...(question.choices ?? []).map((c) => ({ value: c.value, name: c.name })),
          new prompts.Separator(),
          { value: NONE, name: 'None of these' },
          DONT_KNOW_CHOICE,
        ];
        const chosen = await guarded((ctx) =>
          prompts.checkbox(
            {
              message: question.message,
              choices,
              required: true,
              pageSize: choices.length,
              validate: (picked) => (picked.length > 1 && picked.some((p) => special.has(p.value)) ? 'Choose "None of these" or "Don\'t know" on its own.' : true),
            },
            ctx,
          ),
        );
        if (chosen.includes(DONT_KNOW)) return undefined;
        if (chosen.includes(NONE)) return [];
        return chosen;
      }
      case 'groups': {
        const choices = context.groups.map((g) => ({ value: g.id, name: g.who ? `${g.id}: ${g.who}` : g.id }));
        const chosen = await guarded((ctx) => prompts.checkbox({ message: question.message, choices, pageSize: choices.length }, ctx));
        return chosen.length > 0 ? chosen : undefined;
      }
      case 'rung': {
        const none = { value: '', name: question.key === 'claimed_rung' ? 'We do not say it is on any rung' : 'No particular rung' };
        const choices = [none, ...RUNG_CHOICES.map((c) => ({ value: c.value, name: c.name, short: c.short ?? c.name }))];
        const chosen = await guarded((ctx) => prompts.select({ message: question.message, choices, pageSize: choices.length }, ctx));
        return chosen === '' ? undefined : Number(chosen);
      }
      default: {
        const suggested = question.suggest?.(context);
        const config: Parameters<typeof prompts.input>[0] = {
          message: question.message,
          // While waiting for an answer, say that a blank one is fine; once answered, just the question.
          theme: {
            style: {
              message: (text: string, status: string) => (question.required || status === 'done' ? look.bold(text) : `${look.bold(text)} ${look.dim("(leave blank if you don't know)")}`),
            },
          },
          validate: (text: string) => {
            const parsed = parseAnswer(question, text, context);
            return parsed.ok ? true : parsed.error;
          },
        };
        if (suggested !== undefined) config.default = suggested;
        const typed = await guarded((ctx) => prompts.input(config, ctx));
        const parsed = parseAnswer(question, typed, context);
        return parsed.ok ? parsed.value : undefined;
      }
    }
  };

  return {
    ask,
    confirm: (message, defaultAnswer) => guarded((ctx) => prompts.confirm({ message, default: defaultAnswer }, ctx)),
    text: (message, options) => {
      const config: Parameters<typeof prompts.input>[0] = { message };
      if (options.default !== undefined) config.default = options.default;
      if (options.validate) config.validate = options.validate;
      return guarded((ctx) => prompts.input(config, ctx));
    },
    say: (text, kind = 'note') => {
      output.write(kind === 'heading' ? `\n${look.bold(text)}\n` : `${look.dim(text)}\n`);
    },
  };
}
