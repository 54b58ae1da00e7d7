// One frozen copy per distinct actor: a log holds the same few officers and grid workers on
// hundreds of thousands of events, so sharing their actor objects saves an object per event. The
// ledger shares the actors of the envelopes it seals; the memory store, those it copies.
import type { Actor } from '../envelope.js';

export class ActorPool {
  /** Pooled actors by id; one id rarely acts in more than one role. */
  private readonly byId = new Map<string, Actor[]>();

  /**
   * @param maxIds how many distinct actor ids to keep before starting afresh (a store keeping
   *   every event keeps them all; a ledger in a long-lived process bounds what it remembers).
   */
  constructor(private readonly maxIds = Infinity) {}

  /** The pooled frozen actor equal to `actor` (a checked `{ id, role, name? }` of strings). */
  share(actor: Actor): Actor {
    const { id, role, name } = actor;
    let same = this.byId.get(id);
    if (same === undefined) {
      if (this.byId.size >= this.maxIds) this.byId.clear();
      this.byId.set(id, (same = []));
    }
    for (const pooled of same) if (pooled.role === role && pooled.name === name) return pooled;
    const pooled = Object.freeze(name === undefined ? { id, role } : { id, role, name });
    same.push(pooled);
    return pooled;
  }
}
