// Every event definition of every aggregate, and the kernel's record of erasures, so an app
// builds one registry: `createEventRegistry(gridledgerEvents)`. Derived from the one list of
// aggregates.
import { erasureEvents } from '../eventsourcing/personal/forget.js';
import { gridledgerAggregates } from './aggregates.js';

/** The definitions of one list of aggregates' events. */
type EventDefinitionsOf<A extends readonly { readonly events: readonly unknown[] }[]> =
  A[number]['events'][number];

type GridledgerEventDefinition =
  EventDefinitionsOf<typeof gridledgerAggregates> | (typeof erasureEvents)[number];

export const gridledgerEvents: readonly GridledgerEventDefinition[] = [
  ...gridledgerAggregates.flatMap<GridledgerEventDefinition>((aggregate) => aggregate.events),
  ...erasureEvents,
];
