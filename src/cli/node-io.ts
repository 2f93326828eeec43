/** The real process's streams, wrapped as an Io for main(). */
import type { Io, Output } from './io.js';

function stream(target: NodeJS.WriteStream): Output {
  // A reader that goes away (`coprod audit … | head -1`) is not an error worth a stack trace.
  target.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    write: (text) => {
      if (!target.destroyed) target.write(text);
    },
    isTTY: Boolean(target.isTTY),
  };
}

export function nodeIo(argv: string[]): Io {
  return {
    argv,
    cwd: process.cwd(),
    env: process.env,
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: async (limit?: number) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (limit !== undefined && size > limit) {
          // Enough to know it is too large; stop reading rather than hold it all.
          process.stdin.destroy();
          break;
        }
      }
      return Buffer.concat(chunks);
    },
  };
}
