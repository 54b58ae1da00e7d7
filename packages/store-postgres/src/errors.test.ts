// Errors: server failures are told apart by SQLSTATE (never by message text), and text that
// PostgreSQL would refuse or silently change is refused as a ValidationError before it is sent.
import { isStoreUnavailable, isValidationError } from '@gridledger/core';
import { collect, makeEvent } from '@gridledger/store-conformance';
import { isPostgresUnavailable, openPostgresEventStore } from '@gridledger/store-postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropSchema, freshSchema, POSTGRES_URL } from './__fixtures__/database.js';
import { toStoreError } from './errors.js';

/** What node-postgres makes of an ErrorResponse: a message, a severity and the SQLSTATE. */
const serverError = (code: string, message = 'whatever the server said') =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('typed errors by SQLSTATE', () => {
  it.each([
    ['57P01', 'connection-lost'],
    ['57P02', 'connection-lost'],
    ['08006', 'connection-lost'],
    ['57P03', 'unreachable'],
    ['53300', 'unreachable'],
    ['28P01', 'auth'],
    ['3D000', 'no-database'],
    ['25006', 'read-only'],
    ['42501', 'permission'],
    ['57014', 'timeout'],
    ['55P03', 'timeout'],
    ['53100', 'resources'],
    ['XX000', 'driver'],
  ])('maps %s to %s, keeping the SQLSTATE and the cause', (code, reason) => {
    const cause = serverError(code);
    const error = toStoreError('postgres://db/x?schema=s', cause, 'read the log', 'query');
    expect(isPostgresUnavailable(error)).toBe(true);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', reason, sqlstate: code, cause });
  });

  it('never reads the message: the same words without a SQLSTATE are a lost connection', () => {
    const words = new Error('duplicate key value violates unique constraint (23505)');
    expect(toStoreError('s', words, 'append', 'query')).toMatchObject({
      reason: 'connection-lost',
      sqlstate: undefined,
    });
    // A socket error's code is not a SQLSTATE, even when it has five letters.
    const pipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
    expect(toStoreError('s', pipe, 'append', 'query')).toMatchObject({
      reason: 'connection-lost',
      sqlstate: undefined,
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toStoreError('s', refused, 'open', 'connect')).toMatchObject({ reason: 'unreachable' });
  });
});

let schema: string;
beforeEach(() => {
  schema = freshSchema();
});
afterEach(() => dropSchema(schema));

describe('text PostgreSQL cannot hold exactly', () => {
  it('is refused in stream ids, event ids, types, filters and data, naming the field', async () => {
    const store = await openPostgresEventStore(POSTGRES_URL, { schema });
    const cases = [
      [() => store.append('dispute-\u0000', [makeEvent()], { expectedVersion: 'any' }), 'streamId'],
      [() => store.append('dispute-\uD800', [makeEvent()], { expectedVersion: 'any' }), 'streamId'],
      [
        () =>
          store.append('dispute-1', [makeEvent({ type: 'Reported\uDC00' })], {
            expectedVersion: 'any',
          }),
        'events.0.type',
      ],
      [
        () => store.append('dispute-1', [makeEvent({ id: 'a\u0000' })], { expectedVersion: 'any' }),
        'events.0.id',
      ],
      [() => collect(() => store.readStream('dispute-\u0000')), 'streamId'],
      [() => collect(() => store.readAll({ types: ['A', 'B\u0000'] })), 'types.1'],
      [() => collect(() => store.readAll({ streamPrefix: '\uD83D' })), 'streamPrefix'],
      [() => collect(() => store.subscribe({ streamPrefix: 'x\u0000' })), 'streamPrefix'],
    ] as const;
    for (const [call, path] of cases) {
      const error = await call().catch((e: unknown) => e);
      expect(isValidationError(error), `${path}: ${String(error)}`).toBe(true);
      expect(error).toMatchObject({ issues: [{ path }] });
    }
    // Inside data a lone surrogate is refused like everywhere else (it is not text) …
    const broken = await store
      .append('dispute-1', [makeEvent({ data: { note: 'a lone \uD800' } })], {
        expectedVersion: 'no-stream',
      })
      .catch((e: unknown) => e);
    expect(broken).toMatchObject({ issues: [{ path: 'events.0.data.note' }] });
    // … and NUL, which JSON escapes, comes back exactly.
    const data = { note: 'nul \u0000 kept', '\u0000key': '🏘️' };
    await store.append('dispute-1', [makeEvent({ data })], { expectedVersion: 'no-stream' });
    const [read] = await collect(() => store.readStream('dispute-1'));
    expect(read!.data).toStrictEqual(data);
    expect(await collect(() => store.readAll())).toHaveLength(1);
    await store.close();
  });

  it('refuses calls after close, as a typed error', async () => {
    const store = await openPostgresEventStore(POSTGRES_URL, { schema });
    await store.close();
    const error = await store
      .append('dispute-1', [makeEvent()], { expectedVersion: 'any' })
      .catch((e: unknown) => e);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'closed' });
  });
});
