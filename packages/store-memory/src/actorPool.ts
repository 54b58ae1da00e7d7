// One frozen copy per distinct actor: a store holds the same few officers and grid workers on
// hundreds of thousands of events, so sharing their actor objects saves a copy per event.
import type { Actor } from '@gridledger/core';

const isPlainActor = (value: unknown): value is Actor => {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const { id, role, name } = value as Record<string, unknown>;
  const keys = Object.keys(value).length;
  return (
    typeof id === 'string' &&
    typeof role === 'string' &&
    (name === undefined ? keys === 2 : typeof name === 'string' && keys === 3)
  );
};

export class ActorPool {
  /** Pooled actors by id; one id rarely acts in more than one role. */
  private readonly byId = new Map<string, Actor[]>();

  /**
   * The pooled frozen actor equal to `actor` (adding one when new), or `undefined` when `actor`
   * is not a plain `{ id, role, name? }` of strings and must be copied like any other value.
   */
  intern(actor: unknown): Actor | undefined {
    if (!isPlainActor(actor)) return undefined;
    const { id, role, name } = actor;
    let same = this.byId.get(id);
    if (same === undefined) this.byId.set(id, (same = []));
    for (const pooled of same) if (pooled.role === role && pooled.name === name) return pooled;
    const pooled = Object.freeze(name === undefined ? { id, role } : { id, role, name });
    same.push(pooled);
    return pooled;
  }
}
