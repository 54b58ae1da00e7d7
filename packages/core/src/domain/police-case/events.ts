// The facts of a case the police station records: a public-order case (治安案件) or a criminal
// case (刑事案件), on the community grid and the police grid (警格) where it happened. These, not
// patrol sightings, are what the public-order incidence figure counts. Stream: `police-case-<caseId>`.
import { z } from 'zod';
import { defineEvent, type EventsOfDefinitions } from '../../eventsourcing/registry.js';
import { CommunityId, GridId, Id, Slug } from '../shared/schemas.js';
import { FreeText } from '../shared/personal.js';

export const PoliceCaseKind = z.enum(['public-order', 'criminal']);
export type PoliceCaseKind = z.infer<typeof PoliceCaseKind>;

/** How the station disposed of the case. */
export const PoliceCaseOutcome = z.enum(['penalised', 'mediated', 'transferred', 'no-case']);
export type PoliceCaseOutcome = z.infer<typeof PoliceCaseOutcome>;

export const PoliceCaseRecorded = defineEvent({
  type: 'PoliceCaseRecorded',
  schema: z.object({
    caseId: Id,
    kind: PoliceCaseKind,
    community: CommunityId,
    /** The community grid (网格) it happened in. */
    grid: GridId,
    /** The police grid (警格) it happened in: a police beat that holds several community grids. */
    policeGrid: Id,
    /** What kind of case, in the station's words: `fight`, `theft`, `noise`. */
    category: Slug,
    summary: FreeText,
    /** The dispute it grew out of, when there was one (民转刑 and its public-order kin). */
    disputeId: Id.optional(),
  }),
});

export const PoliceCaseClosed = defineEvent({
  type: 'PoliceCaseClosed',
  schema: z.object({ outcome: PoliceCaseOutcome, note: FreeText.optional() }),
});

export const policeCaseEvents = [PoliceCaseRecorded, PoliceCaseClosed] as const;

export type PoliceCaseEvent = EventsOfDefinitions<typeof policeCaseEvents>;
