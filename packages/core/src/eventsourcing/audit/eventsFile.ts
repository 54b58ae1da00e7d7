// Reading and writing the events file of an export line by line, in flat memory, with the
// SHA-256 of exactly the bytes read or written.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';

export interface FileDigest {
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * Writes lines with backpressure; `close()` returns the digest of everything written. `fileSystem`
 * replaces the calls the stream makes (open, write, close), for tests that slow them down.
 */
export function openEventsWriter(
  path: string,
  fileSystem?: NonNullable<Parameters<typeof createWriteStream>[1]> extends infer O
    ? O extends { fs?: infer F }
      ? F
      : never
    : never,
) {
  const out = createWriteStream(path, {
    flags: 'wx',
    ...(fileSystem === undefined ? {} : { fs: fileSystem }),
  });
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    async write(line: string): Promise<void> {
      const chunk = Buffer.from(line, 'utf8');
      hash.update(chunk);
      bytes += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async close(): Promise<FileDigest> {
      out.end();
      await finished(out);
      return { sha256: hash.digest('hex'), bytes };
    },
    /**
     * Abandons the file, resolving once its descriptor is closed. The file is opened in the
     * background: destroyed before that open completes, the stream still creates the file, so a
     * caller that removes it must wait for this, or the file appears after its removal.
     */
    async destroy(): Promise<void> {
      const closed = out.closed ? Promise.resolve() : once(out, 'close');
      out.destroy();
      await closed;
    },
  };
}

export interface EventsLines extends AsyncIterable<{ readonly n: number; readonly text: string }> {
  /** The digest of the whole file; valid once the lines have been read to the end. */
  digest(): FileDigest;
}

/** The lines of a file (1-based numbers, blank lines skipped), and its digest once read. */
export function readEventsLines(path: string): EventsLines {
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: FileDigest | undefined;
  async function* lines() {
    const input = createReadStream(path);
    input.on('data', (chunk: string | Buffer) => {
      hash.update(chunk);
      bytes += Buffer.byteLength(chunk);
    });
    const reader = createInterface({ input, crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const text of reader) {
        n++;
        if (text.trim() !== '') yield { n, text };
      }
      digest = { sha256: hash.digest('hex'), bytes };
    } finally {
      reader.close();
      input.destroy();
    }
  }
  return {
    [Symbol.asyncIterator]: () => lines(),
    digest() {
      if (digest === undefined) throw new Error(`${path} has not been read to the end`);
      return digest;
    },
  };
}
