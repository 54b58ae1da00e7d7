// One frozen copy per distinct actor: a store holds the same few officers and grid workers on
// hundreds of thousands of events, so sharing their actor objects saves a copy per event.
import type { Actor } from '@gridledger/core/store';

export class ActorPool {
  /** Pooled actors by id; one id rarely acts in more than one role. */
  private readonly byId = new Map<string, Actor[]>();

  /** The pooled frozen actor equal to `actor` (a checked `{ id, role, name? }` of strings). */
  share(actor: Actor): Actor {
    const { id, role, name } = actor;
    let same = this.byId.get(id);
    if (same === undefined) this.byId.set(id, (same = []));
    for (const pooled of same) if (pooled.role === role && pooled.name === name) return pooled;
    const pooled = Object.freeze(name === undefined ? { id, role } : { id, role, name });
    same.push(pooled);
    return pooled;
  }
}
