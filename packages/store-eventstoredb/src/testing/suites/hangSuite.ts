// A server that accepts connections and then never answers, answers a byte at a time, or answers
// with bytes that are not HTTP/2: every call fails with a typed error within the store's deadline
// (each client, left to itself, waits for ever), close() returns, and a process that closed its
// store exits by itself.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStoreUnavailable, type StoreUnavailableError } from '@gridledger/core';
import { makeEvents } from '@gridledger/store-conformance';
import { describe, expect, it } from 'vitest';
import { createEventStoreDbEventStore } from '../../eventStoreDbEventStore.js';
import type { NetworkMode } from '../frontDoor.js';
import type { ClientPackage } from '../protocol.js';
import { openDoubleTarget, type Connect } from '../targets.js';

const DEADLINE = 300;
/** Far below the clients' own waiting (for ever) and their 10 s default deadline. */
const BOUND = DEADLINE * 10;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../../..');
const probe = join(here, '../hungServerProbe.ts');

/** How a call ended: the error, and how long it took. */
async function timed(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await call().then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return { error, ms: Date.now() - started };
}

async function first(events: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of events) return;
}

/** Runs the probe in a process of its own; resolves with its exit code and output lines. */
function runProbe(
  clientPackage: ClientPackage,
  servers: readonly string[],
): Promise<{ code: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@gridledger/source',
      '--import',
      'tsx',
      probe,
      clientPackage,
      String(DEADLINE),
      ...servers,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A process that does not exit by itself fails the test instead of hanging it.
  const killer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  return new Promise((resolvePromise) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      const lines = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolvePromise({ code, lines, stderr });
    }),
  );
}

export function describeHungServers(clientPackage: ClientPackage, connect: Connect): void {
  describe.each<[NetworkMode, string]>([
    ['silent', 'accepts connections and never answers'],
    ['slow', 'answers one byte every 200 ms'],
    ['garbage', 'answers with bytes that are not HTTP/2'],
  ])('a server that %s', (mode, what) => {
    it(`(${what}): every call fails typed within the deadline, and close() returns`, async () => {
      const target = await openDoubleTarget(clientPackage, connect, {
        server: { network: 'healthy' },
      });
      const double = target.double;
      const healthy = target.newStore();
      await healthy.append('patrol-1', makeEvents(3), { expectedVersion: 'no-stream' });
      double?.setNetwork(mode);
      // A client that connects now, as a command line tool or a restarted service would.
      const client = connect(double?.connectionString ?? '');
      const store = target.newStore({ deadline: DEADLINE });
      const fresh = createEventStoreDbEventStore(client, {
        deadline: DEADLINE,
        disposeClientOnClose: true,
      });
      const subscription = fresh.subscribe();
      const outcomes = {
        // Over the connection that was open when the server began to misbehave…
        append: await timed(() => store.append('patrol-1', makeEvents(1), { expectedVersion: 2 })),
        readStream: await timed(() => first(store.readStream('patrol-1'))),
        // …and over a new one.
        freshAppend: await timed(() =>
          fresh.append('patrol-2', makeEvents(1), { expectedVersion: 'no-stream' }),
        ),
        freshReadAll: await timed(() => first(fresh.readAll())),
        freshSubscribe: await timed(() => first(subscription)),
      };
      for (const [call, { error, ms }] of Object.entries(outcomes)) {
        expect(isStoreUnavailable(error), `${call}: ${String(error)}`).toBe(true);
        expect(ms, call).toBeLessThan(BOUND);
      }
      if (mode !== 'garbage') {
        expect((outcomes.freshReadAll.error as StoreUnavailableError).message).toMatch(
          `read of the global log: no answer from the server within ${DEADLINE} ms`,
        );
        expect((outcomes.freshAppend.error as StoreUnavailableError).message).toMatch(
          /append to 'patrol-2': no answer from the server within 300 ms .*may have been written/,
        );
      }
      const closing = await timed(() => fresh.close());
      expect(closing.error).toBeUndefined();
      expect(closing.ms).toBeLessThan(BOUND);
      await store.close();
      await healthy.close();
      await target.close();
    });
  });

  it('a process that closed its stores exits by itself, whatever the server did', async () => {
    const modes: NetworkMode[] = ['silent', 'slow', 'garbage'];
    const targets = await Promise.all(
      modes.map((network) => openDoubleTarget(clientPackage, connect, { server: { network } })),
    );
    const { code, lines, stderr } = await runProbe(
      clientPackage,
      targets.map((t) => t.double?.connectionString ?? ''),
    );
    await Promise.all(targets.map((t) => t.close()));
    expect(code, stderr).toBe(0);
    const calls = ['append', 'readStream', 'readAll', 'subscribe', 'close'];
    expect(lines.map((line) => [line['server'], line['call'], line['code'] ?? 'ok'])).toEqual(
      modes.flatMap((_, server) =>
        calls.map((call) => [server, call, call === 'close' ? 'ok' : 'STORE_UNAVAILABLE']),
      ),
    );
    for (const line of lines) expect(line['ms'] as number).toBeLessThan(BOUND);
  });
}
