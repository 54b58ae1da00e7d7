// A deterministic DecideContext: fixed time, a known actor, and ids from a counter.
import type { DecideContext } from '../eventsourcing/decider.js';
import type { Actor } from '../eventsourcing/envelope.js';

export interface TestContextOptions {
  /** Default `2026-07-01T09:00:00.000Z`. */
  readonly now?: string;
  /** Default: a community police officer, `officer-jiang`. */
  readonly actor?: Actor;
  /**
   * Where `newId` takes ids from: a prefix (`'session'` gives `session-1`, `session-2`, …) or
   * the exact ids to hand out in order. Default prefix `id`.
   */
  readonly ids?: string | readonly string[];
}

export const defaultTestActor: Actor = { id: 'officer-jiang', role: 'community-police-officer' };
export const defaultTestNow = '2026-07-01T09:00:00.000Z';

export function testContext(options: TestContextOptions = {}): DecideContext {
  const { now = defaultTestNow, actor = defaultTestActor, ids = 'id' } = options;
  let count = 0;
  const newId =
    typeof ids === 'string'
      ? () => `${ids}-${++count}`
      : () => {
          const id = ids[count++];
          if (id === undefined) {
            throw new RangeError(
              `testContext: decide asked for id #${count}, only ${ids.length} given`,
            );
          }
          return id;
        };
  return { now, actor, newId };
}
