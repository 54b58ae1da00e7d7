import { describe, expect, it } from 'vitest';
import { main, parseStoreSpec, storeSpecFrom } from '@gridledger/cli';
import { captureIo } from './test-io.js';

describe('gridledger command line', () => {
  it('prints an overview for --help and exits 0', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/Usage: gridledger <command>/);
    expect(io.out()).toMatch(/--store <spec> \(default sqlite:\.\/gridledger\.db/);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const io = captureIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown command 'frobnicate'/);
  });

  it('suggests the command meant', async () => {
    const io = captureIo();
    expect(await main(['histroy', 'xu-shang-tv-deposit'], io)).toBe(2);
    expect(io.err()).toBe(
      "gridledger: unknown command 'histroy': did you mean history? (see gridledger --help)\n",
    );
  });

  it('prints its version for --version', async () => {
    const io = captureIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^gridledger \d+\.\d+\.\d+\n$/);
  });

  it("prints a command's help for `help <command>`, and refuses an unknown one", async () => {
    const io = captureIo();
    expect(await main(['help', 'history'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: gridledger history <stream or dispute id>/);
    const unknown = captureIo();
    expect(await main(['help', 'nothing'], unknown)).toBe(2);
    expect(unknown.err()).toMatch(/unknown command 'nothing'/);
  });
});

describe('options', () => {
  const usage = async (...argv: string[]) => {
    const io = captureIo();
    const code = await main(argv, io);
    return { code, err: io.err(), out: io.out() };
  };

  it('suggests the option meant: a typo, an abbreviation, a prefix', async () => {
    expect(await usage('history', 'x', '--jsno')).toEqual({
      code: 2,
      out: '',
      err: "gridledger history: unknown option '--jsno': did you mean --json? (see gridledger history --help)\n",
    });
    expect((await usage('verify', '--manifets', 'x')).err).toMatch(/did you mean --manifest\?/);
    expect((await usage('report', '--form', 'csv')).err).toMatch(/did you mean --format\?/);
    expect((await usage('rebuild', '--rm', 'x.db')).err).toMatch(/did you mean --read-models\?/);
  });

  it('lists the options when nothing is close', async () => {
    const { code, err } = await usage('verify', '--frobnicate');
    expect(code).toBe(2);
    expect(err).toBe(
      "gridledger verify: unknown option '--frobnicate': verify takes --store, --stream, --manifest, --checkpoint, --public-key, --json, -h/--help\n",
    );
    expect((await usage('verify', '-x')).err).toMatch(
      /^gridledger verify: unknown option '-x': verify takes/,
    );
  });

  it('says which option needs a value, and which takes none', async () => {
    expect((await usage('history', 'x', '--at')).err).toBe(
      'gridledger history: --at needs a value: --at <version|time>\n',
    );
    expect((await usage('history', 'x', '--at', '--json')).err).toMatch(/--at needs a value/);
    expect((await usage('history', 'x', '--json=yes')).err).toBe(
      'gridledger history: --json takes no value (got --json=yes)\n',
    );
  });

  it('takes a value that starts with a dash as the value (--at -1)', async () => {
    const { code, err } = await usage(
      'history',
      'x',
      '--at',
      '-1',
      '--store',
      'sqlite:/nonexistent/x.db',
    );
    expect(code).toBe(2);
    expect(err).not.toMatch(/ambiguous/);
    expect(err).toMatch(/--at '-1'/);
  });
});

describe('store spec', () => {
  it('defaults to ./gridledger.db, then the environment, then the option', () => {
    expect(storeSpecFrom(undefined, {}, '/w')).toEqual({
      kind: 'sqlite',
      file: '/w/gridledger.db',
    });
    expect(storeSpecFrom(undefined, { GRIDLEDGER_STORE: 'sqlite:/data/x.db' }, '/w')).toEqual({
      kind: 'sqlite',
      file: '/data/x.db',
    });
    expect(storeSpecFrom('audit.db', { GRIDLEDGER_STORE: 'sqlite:/data/x.db' }, '/w')).toEqual({
      kind: 'sqlite',
      file: '/w/audit.db',
    });
  });

  it('recognises EventStoreDB and KurrentDB connection strings', () => {
    for (const cs of ['esdb://127.0.0.1:2113?tls=false', 'kurrentdb://node1:2113']) {
      expect(parseStoreSpec(cs, '/w')).toEqual({ kind: 'eventstoredb', connectionString: cs });
    }
  });

  it('takes no other scheme for a file name: mysql:x, memory:, data:x', () => {
    expect(() => parseStoreSpec('mysql:x', '/w')).toThrow(
      "unknown store 'mysql:x': use sqlite:<file> or a kurrentdb:// (or esdb://) connection string",
    );
    expect(() => parseStoreSpec('memory:', '/w')).toThrow(
      'a memory: store starts empty and is gone when the command ends: use sqlite:<file> or a kurrentdb:// (or esdb://) connection string',
    );
    expect(() => parseStoreSpec('MEMORY:x', '/w')).toThrow(/a memory: store starts empty/);
    expect(parseStoreSpec('sqlite:mysql:x', '/w')).toEqual({ kind: 'sqlite', file: '/w/mysql:x' });
    expect(parseStoreSpec('./audit:2025.db', '/w')).toEqual({
      kind: 'sqlite',
      file: '/w/audit:2025.db',
    });
  });

  it('names what was wrong with an unknown scheme', () => {
    expect(() => parseStoreSpec('mysql://x', '/w')).toThrow(/unknown store 'mysql:\/\/x'/);
    expect(() => parseStoreSpec('sqlite:', '/w')).toThrow(/unknown store/);
  });
});
