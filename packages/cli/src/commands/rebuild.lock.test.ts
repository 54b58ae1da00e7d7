// Two rebuilds of the read models in one file would share one plan and each other's half-built
// copies: the second is refused, and told who holds the file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridledger } from './__fixtures__/auditStore.js';
import { xuzhaiFiles, type XuzhaiFiles } from '../report/__fixtures__/store.js';

let files: XuzhaiFiles;
beforeAll(async () => {
  files = await xuzhaiFiles();
});
afterAll(() => files.remove());

const rebuild = (file: string, ...args: string[]) =>
  gridledger(['rebuild', 'resolution-rate', ...args, '--store', file], { cwd: files.dir });

const holder = (pid: number) => ({
  pid,
  host: hostname(),
  startedAt: '2026-09-01T08:00:00.000Z',
  command: 'gridledger rebuild --store xuzhai.db',
});

describe('one rebuild at a time on a read-model file', () => {
  it('refuses a second rebuild started while the first runs, saying who holds the file', async () => {
    const file = files.copy('two.db');
    const [first, second] = await Promise.all([rebuild(file), rebuild(file)]);
    expect([first.code, second.code].sort()).toEqual([0, 1]);
    const refused = first.code === 1 ? first : second;
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(
      new RegExp(
        `^gridledger rebuild: another rebuild is running on ${file}: process ${process.pid} on ${hostname()}, ` +
          'started \\S+ \\(gridledger rebuild resolution-rate --store \\S+\\); wait for it to finish, ' +
          'or stop it with Ctrl-C \\(it carries on where it stopped when run again\\)\\n$',
      ),
    );
    expect(existsSync(`${file}.rebuild-lock`)).toBe(false);
  });

  it('refuses while a live process holds the lock, and names the lock file', async () => {
    const file = files.copy('held.db');
    writeFileSync(`${file}.rebuild-lock`, JSON.stringify(holder(process.pid)));
    const { code, err } = await rebuild(file);
    expect(code).toBe(1);
    expect(err).toContain(`another rebuild is running on ${file}: process ${process.pid}`);
    expect(err).toContain(
      'started 2026-09-01T08:00:00.000Z (gridledger rebuild --store xuzhai.db)',
    );
    expect(JSON.parse(readFileSync(`${file}.rebuild-lock`, 'utf8'))).toEqual(holder(process.pid));
  });

  it('takes over the lock of a process that is gone, and says so', async () => {
    const file = files.copy('stale.db');
    const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid ?? 0;
    writeFileSync(`${file}.rebuild-lock`, JSON.stringify(holder(gone)));
    const { code, err, out } = await rebuild(file);
    expect(code).toBe(0);
    expect(err).toContain(
      `note: process ${gone} on ${hostname()} started a rebuild on ${file} at 2026-09-01T08:00:00.000Z and is no longer running; carrying on without it`,
    );
    expect(out).toMatch(/Rebuilt 1 read model/);
    expect(existsSync(`${file}.rebuild-lock`)).toBe(false);
  });

  it('cannot tell whether a process on another machine still runs: names the file to remove', async () => {
    const file = files.copy('elsewhere.db');
    writeFileSync(`${file}.rebuild-lock`, JSON.stringify({ ...holder(1), host: 'office-pc' }));
    const { code, err } = await rebuild(file);
    expect(code).toBe(1);
    expect(err).toContain(`process 1 on office-pc`);
    expect(err).toContain(`if it is no longer running, remove ${file}.rebuild-lock`);
  });

  it('lets go of the lock after Ctrl-C', async () => {
    const file = files.copy('interrupted.db');
    const stopped = await gridledger(['rebuild', '--store', file], { signal: AbortSignal.abort() });
    expect(stopped.code).toBe(130);
    expect(existsSync(`${file}.rebuild-lock`)).toBe(false);
  });
});
