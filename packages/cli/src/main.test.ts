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

  it('names what was wrong with an unknown scheme', () => {
    expect(() => parseStoreSpec('postgres://x', '/w')).toThrow(/unknown store 'postgres:\/\/x'/);
    expect(() => parseStoreSpec('sqlite:', '/w')).toThrow(/unknown store/);
  });
});
