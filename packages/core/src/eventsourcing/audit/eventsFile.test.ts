// The events file of an export: an abandoned file is gone for good once destroy() has resolved.
import * as fs from 'node:fs';
import { rm } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEventsWriter } from './eventsFile.js';

const dir = mkdtempSync(join(tmpdir(), 'gridledger-events-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('openEventsWriter', () => {
  it('abandoned before its file is open, leaves no file once destroy() resolves', async () => {
    // The file is opened in the background; here the open takes 50 ms, as on a busy disk. An
    // export stopped at once destroys the writer and removes the file: the removal must come
    // after the open, or the file appears afterwards (an export stopped by Ctrl-C used to leave
    // an empty events.ndjson behind now and then).
    const slowOpen = {
      ...fs,
      open: (...args: Parameters<typeof fs.open>) => {
        setTimeout(() => (fs.open as (...a: unknown[]) => void)(...args), 50);
      },
    } as unknown as typeof fs;
    const path = join(dir, 'events.ndjson');
    const writer = openEventsWriter(path, slowOpen);
    await writer.destroy();
    await rm(path, { force: true });
    await later(100);
    expect(fs.existsSync(path)).toBe(false);
  });

  it('writes lines and returns the digest of exactly the bytes written', async () => {
    const path = join(dir, 'written.ndjson');
    const writer = openEventsWriter(path);
    await writer.write('{"a":1}\n');
    await writer.write('{"b":"徐"}\n');
    const digest = await writer.close();
    const bytes = fs.readFileSync(path);
    expect(digest.bytes).toBe(bytes.length);
    const { createHash } = await import('node:crypto');
    expect(digest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
