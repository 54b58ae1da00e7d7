// An aggregate's state as of a version or a time, folded from the verified history.
import { ValidationError } from '../errors.js';
import type { AsOf } from './asOf.js';
import { aggregateForStream, history, type AnyAggregate, type AuditSource } from './history.js';

export interface StateAsOfOptions<S> {
  /** The aggregate that folds the stream; or give `aggregates` to pick by stream prefix. */
  readonly aggregate?: AnyAggregate<S>;
  readonly aggregates?: readonly AnyAggregate[];
}

export interface StateAsOf<S> {
  readonly state: S;
  /** Version of the last event folded; `undefined` when none was recorded by then. */
  readonly streamVersion: number | undefined;
  /** When that event was recorded. */
  readonly recordedAt: string | undefined;
  readonly eventsFolded: number;
  /** Every event up to the point verifies (hash, link, nothing removed or inserted). */
  readonly verified: boolean;
  /** Events that could not be decoded or folded, by version (the state skips them). */
  readonly problems: readonly { readonly streamVersion: number; readonly problem: string }[];
}

/**
 * The state of `streamId` as of a version or a time (the last event recorded at or before it).
 * A stream that does not exist throws StreamNotFoundError.
 */
export async function stateAsOf<S = unknown>(
  source: AuditSource,
  streamId: string,
  asOf: AsOf,
  options: StateAsOfOptions<S> = {},
): Promise<StateAsOf<S>> {
  const aggregate: AnyAggregate<S> | undefined =
    options.aggregate ??
    (aggregateForStream(options.aggregates ?? [], streamId) as AnyAggregate<S> | undefined);
  if (aggregate === undefined) {
    const known = (options.aggregates ?? []).map((a) => `'${a.streamPrefix}'`).join(', ');
    throw new ValidationError(`state of stream '${streamId}'`, [
      {
        path: 'aggregate',
        message: `no aggregate folds this stream (known stream prefixes: ${known || 'none'})`,
      },
    ]);
  }
  let state = aggregate.initialState();
  let streamVersion: number | undefined;
  let recordedAt: string | undefined;
  let eventsFolded = 0;
  let verified = true;
  const problems: { streamVersion: number; problem: string }[] = [];
  for await (const entry of history<S>(source, streamId, { aggregate, until: asOf })) {
    state = entry.state as S;
    streamVersion = entry.streamVersion;
    recordedAt = entry.recordedAt;
    eventsFolded++;
    verified &&= entry.verified;
    if (entry.problem !== undefined) {
      problems.push({ streamVersion: entry.streamVersion, problem: entry.problem });
    }
  }
  return { state, streamVersion, recordedAt, eventsFolded, verified, problems };
}
