// `gridledger` against an EventStoreDB server that accepts the connection and then never answers,
// or answers a byte at a time: the command ends with exit code 1 and says what did not answer and
// within what deadline (the connection string's defaultDeadline), instead of waiting for ever.
import { startEventStoreDbDouble, type NetworkMode } from '@gridledger/store-eventstoredb/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch } from './__fixtures__/launcher.js';

const cwd = mkdtempSync(join(tmpdir(), 'gridledger-hung-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('a server that never answers', () => {
  it.each<NetworkMode>(['silent', 'slow'])(
    '(%s): verify exits 1 within the deadline and says what timed out',
    async (network) => {
      // The client installed with the CLI, and a server speaking its protocol until it hangs.
      const server = await startEventStoreDbDouble({
        client: '@kurrent/kurrentdb-client',
        network,
      });
      const store = `kurrentdb://127.0.0.1:${server.port}?tls=false&defaultDeadline=500`;
      const ran = await launch(['verify', '--store', store], { cwd });
      await server.close();
      expect(ran.signal).toBeNull();
      expect(ran.code).toBe(1);
      expect(ran.out).toBe('');
      expect(ran.err).toMatch(
        /^gridledger verify: STORE_UNAVAILABLE: Store 'eventstoredb:kurrentdb:\/\/127\.0\.0\.1:\d+\?tls=false&defaultDeadline=500' unavailable: read of the global log: no answer from the server within 500 ms/,
      );
    },
  );
});
