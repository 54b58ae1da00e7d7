// The household register as the read models see it: the facts of each grid's register stream,
// folded inside a cut into entries (a household's time on a grid's register, month to month), and
// the households and residents on the register at the end of a month. Coverage and public order
// divide by it.
import type { HouseholdRegisterEvent } from '@gridledger/core';
import type { Month } from '../months.js';
import type { EventsOfType } from '../projection.js';
import type { Stamp } from './asOf.js';

export type RegisterFact = Stamp &
  (
    | {
        readonly k: 'registered';
        readonly c: string;
        readonly g: string;
        readonly h: string;
        readonly n: number;
      }
    | { readonly k: 'deregistered'; readonly h: string }
  );

/** The register events a read model keeps facts of. */
export type RegisterEvent = EventsOfType<
  HouseholdRegisterEvent,
  'HouseholdRegistered' | 'HouseholdDeregistered'
>;

/** The fact a register event records, before the read model stamps it. */
export function registerFactOf(event: RegisterEvent) {
  return event.type === 'HouseholdRegistered'
    ? ({
        k: 'registered',
        c: event.data.community,
        g: event.data.grid,
        h: event.data.householdId,
        n: event.data.residents,
      } as const)
    : ({ k: 'deregistered', h: event.data.householdId } as const);
}

/** A household's time on a grid's register: from the month it joined to the month it left. */
export interface RegisterEntry {
  readonly c: string;
  readonly g: string;
  readonly h: string;
  readonly residents: number;
  readonly from: Month;
  readonly until: Month | null;
}

/** Folds one register stream's facts (inside a cut, in order) into entries, as the aggregate runs. */
export function registerEntries(facts: Iterable<Stamp & { readonly k: string }>): RegisterEntry[] {
  const entries: RegisterEntry[] = [];
  const open = new Map<string, { c: string; g: string; n: number; from: Month }>();
  for (const fact of facts as Iterable<RegisterFact>) {
    if (fact.k === 'registered') {
      if (!open.has(fact.h)) open.set(fact.h, { c: fact.c, g: fact.g, n: fact.n, from: fact.m });
    } else if (fact.k === 'deregistered') {
      const entry = open.get(fact.h);
      if (entry === undefined) continue;
      open.delete(fact.h);
      entries.push({ ...place(entry), h: fact.h, until: fact.m });
    }
  }
  for (const [h, entry] of open) entries.push({ ...place(entry), h, until: null });
  return entries;
}

const place = (e: { c: string; g: string; n: number; from: Month }) => ({
  c: e.c,
  g: e.g,
  residents: e.n,
  from: e.from,
});

export interface Place {
  readonly community?: string | undefined;
  readonly grid?: string | undefined;
}

/** Households and residents on the register at the end of `month` (all on record if `null`). */
export function registerAt(
  register: readonly RegisterEntry[],
  month: Month | null,
  where: Place,
): { households: number; residents: number } {
  let households = 0;
  let residents = 0;
  for (const e of register) {
    if (where.community !== undefined && e.c !== where.community) continue;
    if (where.grid !== undefined && e.g !== where.grid) continue;
    if (month !== null && e.from > month) continue;
    if (e.until !== null && (month === null || e.until <= month)) continue;
    households++;
    residents += e.residents;
  }
  return { households, residents };
}
