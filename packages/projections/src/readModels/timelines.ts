// The facts a read model keeps per stream, in the order they were recorded, each with its stamp.
// A query replays the facts of each stream that fall inside its cut; so a figure as of any instant
// is the figure of the history truncated there, by construction.
import { entry } from './cells.js';
import { inCut, type Cut, type Stamp } from './asOf.js';

/** Facts by stream id. */
export type Timelines<F> = Record<string, F[]>;

/** Adds a fact to the end of its stream's timeline. */
export function recordFact<F>(timelines: Timelines<F>, streamId: string, fact: F): void {
  entry(timelines, streamId, (): F[] => []).push(fact);
}

/** The facts of one timeline inside the cut, in recorded order. */
export function* factsInCut<F extends Stamp>(facts: readonly F[], cut: Cut): Generator<F> {
  for (const fact of facts) if (inCut(cut, fact)) yield fact;
}

/**
 * The stream ids of the timelines, sorted: a query visits streams in an order that does not
 * depend on which of their facts arrived first, so sums of fractions come out the same whatever
 * the cut (a patrol's hours shared among three grids).
 */
export const streamIdsOf = (timelines: Timelines<unknown>): string[] =>
  Object.keys(timelines).sort();

/** The view of every timeline (a stream with nothing to show gives `undefined` and is skipped). */
export function* viewsOf<F, V>(
  timelines: Timelines<F>,
  view: (facts: readonly F[]) => V | undefined,
): Generator<V> {
  for (const key of streamIdsOf(timelines)) {
    const seen = view(timelines[key] as F[]);
    if (seen !== undefined) yield seen;
  }
}
