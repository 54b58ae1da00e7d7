// The model that the model-based contract trusts, checked against hand-worked answers, and the
// event builder other packages' tests rely on.
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents, testActor } from './index.js';
import {
  accepts,
  emptyModel,
  expectedGlobalRead,
  expectedStreamRead,
  lastVersion,
  recordAppend,
} from './model.js';

function sampleModel() {
  const model = emptyModel();
  recordAppend(model, 'dispute-1', [
    { id: 'a', type: 'DisputeReported' },
    { id: 'b', type: 'DisputeClassified' },
  ]);
  recordAppend(model, 'visit-1', [{ id: 'c', type: 'VisitConducted' }]);
  recordAppend(model, 'dispute-1', [{ id: 'd', type: 'DisputeReported' }]);
  return model;
}

describe('the contract model', () => {
  it('numbers each stream from 0 and keeps one global order', () => {
    const model = sampleModel();
    expect(model.global.map((e) => [e.id, e.streamId, e.streamVersion])).toEqual([
      ['a', 'dispute-1', 0],
      ['b', 'dispute-1', 1],
      ['c', 'visit-1', 0],
      ['d', 'dispute-1', 2],
    ]);
    expect(lastVersion(model, 'dispute-1')).toBe(2);
    expect(lastVersion(model, 'patrol-1')).toBe('no-stream');
  });

  it('applies the expected-version rules', () => {
    expect(accepts('any', 'no-stream')).toBe(true);
    expect(accepts('no-stream', 'no-stream')).toBe(true);
    expect(accepts('no-stream', 0)).toBe(false);
    expect(accepts('stream-exists', 'no-stream')).toBe(false);
    expect(accepts('stream-exists', 3)).toBe(true);
    expect(accepts(3, 3)).toBe(true);
    expect(accepts(0, 'no-stream')).toBe(false);
  });

  it('reads a stream forwards, backwards, from a version and with a limit', () => {
    const model = sampleModel();
    const ids = (o: Parameters<typeof expectedStreamRead>[2]) =>
      expectedStreamRead(model, 'dispute-1', o)?.map((e) => e.id);
    expect(ids({})).toEqual(['a', 'b', 'd']);
    expect(ids({ fromVersion: 1, limit: 1 })).toEqual(['b']);
    expect(ids({ direction: 'backwards' })).toEqual(['d', 'b', 'a']);
    expect(ids({ direction: 'backwards', fromVersion: 9, limit: 2 })).toEqual(['d', 'b']);
    expect(ids({ direction: 'backwards', fromVersion: 0 })).toEqual(['a']);
    expect(ids({ fromVersion: 3 })).toEqual([]);
    expect(expectedStreamRead(model, 'patrol-1', {})).toBeUndefined();
  });

  it('reads the global log after an index, filtered and limited', () => {
    const model = sampleModel();
    const ids = (after: number, filter: object, limit?: number) =>
      expectedGlobalRead(model, after, filter, limit).map((e) => e.id);
    expect(ids(-1, {})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(1, {})).toEqual(['c', 'd']);
    expect(ids(-1, { types: ['DisputeReported'] })).toEqual(['a', 'd']);
    expect(ids(-1, { streamPrefix: 'visit-' })).toEqual(['c']);
    expect(ids(0, { types: ['DisputeReported'], streamPrefix: 'dispute-' }, 1)).toEqual(['d']);
    expect(ids(-1, {}, 0)).toEqual([]);
  });
});

describe('makeEvent', () => {
  it('builds a complete, valid envelope with a fresh ULID each time', () => {
    const [first, second] = makeEvents(2);
    expect(first!.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(second!.id).not.toBe(first!.id);
    expect(first!.metadata).toMatchObject({
      actor: testActor,
      correlationId: first!.id,
      prevHash: null,
    });
    expect(first!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect('causationId' in first!.metadata).toBe(false);
  });

  it('takes overrides, including undefined data and a causation id', () => {
    const event = makeEvent({ type: 'VisitConducted', data: undefined, causationId: 'cause' });
    expect(event.type).toBe('VisitConducted');
    expect('data' in event && event.data === undefined).toBe(true);
    expect(event.metadata.causationId).toBe('cause');
    const varied = makeEvents(3, (i) => ({ data: { i } }));
    expect(varied.map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
  });
});
