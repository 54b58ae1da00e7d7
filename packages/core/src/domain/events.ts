// Every event definition of every aggregate, so an app builds one registry:
// `createEventRegistry(gridledgerEvents)`. Derived from the one list of aggregates.
import { gridledgerAggregates } from './aggregates.js';

/** The definitions of one list of aggregates' events. */
type EventDefinitionsOf<A extends readonly { readonly events: readonly unknown[] }[]> =
  A[number]['events'][number];

type GridledgerEventDefinition = EventDefinitionsOf<typeof gridledgerAggregates>;

export const gridledgerEvents: readonly GridledgerEventDefinition[] =
  gridledgerAggregates.flatMap<GridledgerEventDefinition>((aggregate) => aggregate.events);
