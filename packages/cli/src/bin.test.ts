// The `gridledger` process as a shell runs it: what it does with its standard streams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFiles, type AuditFiles } from './commands/__fixtures__/auditStore.js';
import { launch } from './__fixtures__/launcher.js';

let files: AuditFiles;
let store: string;
beforeAll(async () => {
  files = auditFiles();
  store = `sqlite:${await files.record()}`;
});
afterAll(() => files.remove());

describe('a reader that closes the pipe early (`gridledger … | head`)', () => {
  const commands = [
    ['history', 'd-tv-deposit'],
    ['verify'],
    ['streams'],
    ['rebuild', 'resolution-rate'],
    ['report', 'resolution-rate'],
    ['--help'],
  ];
  for (const command of commands) {
    it(`ends ${command.join(' ')} quietly, with the command's own exit code`, async () => {
      const args = command[0] === '--help' ? command : [...command, '--store', store];
      const ran = await launch(args, { cwd: files.dir, closeStdout: true });
      expect(ran.err).toBe('');
      expect(ran).toMatchObject({ code: 0, signal: null });
    });
  }
});

describe('$TZ as systems and containers set it', () => {
  for (const TZ of [':/etc/localtime', '', 'CST-8']) {
    it(`reads TZ='${TZ}' and prints the history`, async () => {
      const ran = await launch(['history', 'd-tv-deposit', '--store', store], {
        cwd: files.dir,
        env: { TZ },
      });
      expect(ran.err).toBe('');
      expect(ran.code).toBe(0);
      expect(ran.out).toMatch(/^Times in \S+ \(UTC[+-]\d\d:\d\d\)/m);
    });
  }
});

describe('an EventStoreDB server', () => {
  it('is reached through the client installed with the CLI, with esdb:// as good as kurrentdb://', async () => {
    const ran = await launch(['verify', '--store', 'esdb://127.0.0.1:1?tls=false'], {
      cwd: files.dir,
    });
    expect(ran.code).toBe(1);
    expect(ran.err).toMatch(
      /^gridledger verify: STORE_UNAVAILABLE: Store 'eventstoredb:esdb:\/\/127\.0\.0\.1:1\?tls=false' unavailable/,
    );
    expect(ran.err).not.toMatch(/no EventStoreDB client|deprecated/);
  });
});
