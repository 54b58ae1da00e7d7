// Forgetting subjects (a right-to-erasure request): their keys are deleted, with the keys of the
// free text of every stream that names them, and the erasure is recorded as an event that holds
// ids, the request's reference, who and when — no personal data.
import { z } from 'zod';
import type { Actor } from '../envelope.js';
import { ValidationError } from '../errors.js';
import type { Ledger } from '../ledger.js';
import { defineEvent, type EventOfDefinition } from '../registry.js';
import type { KeyStore } from './keyStore.js';
import { sealedSubjects } from './personalEncoder.js';

/** `household:h-kang`, `party:dispute-d-1/p-xu`, `record:visit-v-kang`, `member:m-li`. */
export const SubjectId = z
  .string()
  .regex(
    /^[a-z][a-z-]*:[A-Za-z0-9][A-Za-z0-9._:/-]*$/,
    'must be a subject id such as household:h-kang or party:dispute-d-1/p-xu',
  )
  .max(300, 'must be at most 300 characters');

/** The stream erasures are recorded in, one event per request. */
export const ERASURE_STREAM = 'erasures';

export const SubjectsForgotten = defineEvent({
  type: 'SubjectsForgotten',
  schema: z.object({
    /** The erasure request's reference (a case number: it must not itself hold personal data). */
    request: z.string().trim().min(1, 'must not be blank').max(200),
    /** The subjects the request named. */
    subjects: z.array(SubjectId).min(1),
    /** Every subject whose keys were deleted: those named and the records of their streams. */
    erased: z.array(SubjectId),
  }),
});
export type SubjectsForgotten = EventOfDefinition<typeof SubjectsForgotten>;

/** The kernel's own events, to add to a registry beside the domain's. */
export const erasureEvents = [SubjectsForgotten] as const;

export interface ForgetRequest {
  readonly subjects: readonly string[];
  /** The request's reference, e.g. `PIPL-2026-0042`. */
  readonly request: string;
  /** Who carried out the erasure. */
  readonly actor: Actor;
  /** When it was decided (ISO 8601). Default: when it is recorded. */
  readonly occurredAt?: string;
}

export interface ForgetResult {
  /** Every subject whose keys were deleted, sorted. */
  readonly erased: readonly string[];
  /** Streams in which something was erased, sorted. */
  readonly streams: readonly string[];
  readonly keysDeleted: number;
}

/**
 * Forgets `request.subjects`: finds the streams that hold their sealed values (a subject named
 * nowhere is refused, as a likely typo), records SubjectsForgotten in the `erasures` stream, then
 * deletes their keys and those of the free text (`record:<stream>`) of those streams. Running it
 * again for the same request deletes nothing more and records it again.
 */
export async function forgetSubjects(
  ledger: Ledger,
  keys: KeyStore,
  request: ForgetRequest,
): Promise<ForgetResult> {
  const subjects = [...new Set(request.subjects)];
  const issues = subjects.flatMap((subject, i) => {
    const parsed = SubjectId.safeParse(subject);
    return parsed.success
      ? []
      : [{ path: `subjects.${i}`, message: parsed.error.issues[0]?.message ?? 'invalid' }];
  });
  if (subjects.length === 0)
    issues.push({ path: 'subjects', message: 'name at least one subject' });
  if (issues.length > 0) throw new ValidationError('erasure request', issues);

  const wanted = new Set(subjects);
  const seen = new Set<string>();
  const streams = new Set<string>();
  for await (const event of ledger.store.readAll()) {
    for (const subject of sealedSubjects(event.data)) {
      if (!wanted.has(subject)) continue;
      seen.add(subject);
      streams.add(event.streamId);
    }
  }
  const unknown = subjects.filter((s) => !seen.has(s));
  if (unknown.length > 0) {
    throw new ValidationError(
      'erasure request',
      unknown.map((subject) => ({
        path: `subjects.${subjects.indexOf(subject)}`,
        message: `${subject} holds no sealed value in any stream (check the id: e.g. household:h-kang, party:dispute-d-1/p-xu)`,
      })),
    );
  }
  const erased = [...new Set([...subjects, ...[...streams].map((s) => `record:${s}`)])].sort();
  await ledger.append(
    ERASURE_STREAM,
    [{ type: 'SubjectsForgotten', data: { request: request.request, subjects, erased } }],
    {
      expectedVersion: 'any',
      actor: request.actor,
      ...(request.occurredAt === undefined ? {} : { occurredAt: request.occurredAt }),
    },
  );
  let keysDeleted = 0;
  for (const subject of erased) keysDeleted += await keys.forget(subject);
  return { erased, streams: [...streams].sort(), keysDeleted };
}
