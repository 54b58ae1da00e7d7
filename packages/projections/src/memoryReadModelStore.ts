// The in-memory read-model store: the reference implementation of the ReadModelStore port.
// Records are deep-copied in and out, so it behaves like a store that serialises to JSON.
import { ValidationError, type ReadModelRecord, type ReadModelStore } from '@gridledger/core';
import { copyJson } from './jsonCopy.js';

export interface MemoryReadModelStore extends ReadModelStore {
  /** How many saves have been made (useful to check batching). */
  readonly saves: number;
}

export function createMemoryReadModelStore(): MemoryReadModelStore {
  const records = new Map<string, ReadModelRecord>();
  let saves = 0;

  return {
    name: 'memory',
    get saves() {
      return saves;
    },
    async load<S>(key: string) {
      const record = records.get(key);
      return record === undefined
        ? undefined
        : (copyJson(record, `read model '${key}'`) as ReadModelRecord<S>);
    },
    async save<S>(key: string, record: ReadModelRecord<S>) {
      checkKey(key);
      checkRecord(key, record);
      // Copy first: a value JSON cannot carry throws before anything is replaced.
      records.set(key, copyJson(record, `read model '${key}'`));
      saves++;
    },
    async promote(from: string, to: string) {
      checkKey(to);
      const record = records.get(from);
      if (record === undefined) {
        throw new ValidationError('read-model promotion', [
          { path: 'from', message: `no read model is saved under '${from}'` },
        ]);
      }
      if (from === to) return;
      records.set(to, record);
      records.delete(from);
    },
    async delete(key: string) {
      records.delete(key);
    },
    async keys(prefix?: string) {
      const all = [...records.keys()].sort();
      return prefix === undefined ? all : all.filter((k) => k.startsWith(prefix));
    },
  };
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) {
    throw new ValidationError('read-model key', [
      { path: 'key', message: 'must be a non-empty string' },
    ]);
  }
}

function checkRecord(key: string, record: ReadModelRecord): void {
  const subject = `read model '${key}'`;
  if (!Number.isInteger(record.projectionVersion) || record.projectionVersion < 1) {
    throw new ValidationError(subject, [
      {
        path: 'projectionVersion',
        message: `must be a whole number ≥ 1, got ${String(record.projectionVersion)}`,
      },
    ]);
  }
  if (!Number.isInteger(record.eventsApplied) || record.eventsApplied < 0) {
    throw new ValidationError(subject, [
      {
        path: 'eventsApplied',
        message: `must be a whole number ≥ 0, got ${String(record.eventsApplied)}`,
      },
    ]);
  }
  if (record.checkpoint !== undefined && typeof record.checkpoint !== 'string') {
    throw new ValidationError(subject, [
      { path: 'checkpoint', message: 'must be a position (string) or undefined' },
    ]);
  }
}
