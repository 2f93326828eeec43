/**
 * The schemas work in a real editor: yaml-language-server (the language
 * server behind the YAML support of VS Code and other editors), driven over
 * LSP on stdio as an editor drives it, reads an example by its schema line,
 * finds no problem in it, reports a misspelt key where it is, and shows a
 * key's description on hover.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

const SERVER = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
const EXAMPLE = join(ROOT, 'examples', 'grants-search-redesign.yaml');
const SETTINGS = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } } };

type Message = { id?: number; method?: string; params?: any; result?: any; error?: any };

/** A minimal LSP client: Content-Length framing, requests with ids, and the notifications the server sends. */
class Client {
  private buffer = Buffer.alloc(0);
  private next = 1;
  private pending = new Map<number, (message: Message) => void>();
  private waiting: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  readonly seen: Message[] = [];
  constructor(private readonly server: ChildProcessWithoutNullStreams) {
    server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))![1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    // Requests from the server: its settings, and capabilities it registers.
    if (message.id !== undefined && message.method === 'workspace/configuration') {
      this.send({ id: message.id, result: message.params.items.map((item: { section?: string }) => (item.section === 'yaml' ? SETTINGS.yaml : item.section === '[yaml]' ? {} : null)) });
      return;
    }
    if (message.id !== undefined) {
      this.send({ id: message.id, result: null });
      return;
    }
    this.seen.push(message);
    for (const w of [...this.waiting]) {
      if (w.test(message)) {
        this.waiting.splice(this.waiting.indexOf(w), 1);
        w.resolve(message);
      }
    }
  }

  send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The next notification that passes `test` (or one already seen). */
  when(test: (m: Message) => boolean): Promise<Message> {
    const already = this.seen.find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiting.push({ test, resolve }));
  }
}

let server: ChildProcessWithoutNullStreams;
let client: Client;

beforeAll(async () => {
  server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
  client = new Client(server);
  const rootUri = pathToFileURL(ROOT).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'coprod-audit' }],
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} } },
  });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
}, 60_000);

afterAll(async () => {
  await client.request('shutdown', null);
  client.notify('exit', null);
  server.kill();
});

function open(uri: string, text: string): Promise<Message> {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return client.when((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
}

describe('yaml-language-server, over stdio, with the project schema named by the schema line', () => {
  it('finds no problem in an example', async () => {
    const diagnostics = await open(pathToFileURL(EXAMPLE).href, readFileSync(EXAMPLE, 'utf8'));
    expect(diagnostics.params.diagnostics).toEqual([]);
  }, 60_000);

  it('reports a misspelt key on its line, and a wrong answer with the answers allowed', async () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace('    understood_purpose: yes', '    understod_purpose: yes').replace('    decisions: shared', '    decisions: maybe');
    const lines = text.split('\n');
    const typo = lines.findIndex((l) => l.includes('understod_purpose'));
    const wrong = lines.findIndex((l) => l.includes('decisions: maybe'));
    const uri = pathToFileURL(join(ROOT, 'examples', 'typo-not-on-disk.yaml')).href;
    const diagnostics = (await open(uri, text)).params.diagnostics as Array<{ range: { start: { line: number; character: number } }; message: string }>;
    const at = (line: number) => diagnostics.filter((d) => d.range.start.line === line);
    expect(at(typo).map((d) => d.message).join(' ')).toMatch(/understod_purpose.*not allowed/);
    expect(at(typo)[0]!.range.start.character).toBe(4);
    expect(at(wrong).map((d) => d.message).join(' ')).toMatch(/organisation.*shared.*community/);
  }, 60_000);

  it("shows a key's title and description on hover", async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const uri = pathToFileURL(EXAMPLE).href;
    await open(uri, text);
    const line = text.split('\n').findIndex((l) => l.trim() === 'decisions: shared');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: text.split('\n')[line]!.indexOf('decisions') + 2 } });
    const shown = JSON.stringify(hover.result?.contents ?? '');
    expect(shown).toContain('Who made the decisions');
    expect(shown).toContain('people with lived experience and the organisation decided together');
  }, 60_000);
});
