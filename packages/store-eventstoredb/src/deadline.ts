// Every call to the server carries a deadline, so that a server that accepts connections and never
// answers (or drips a byte now and then) cannot hang a caller: without an answer for `deadline`
// ms the call fails with StoreUnavailableError saying what did not answer and for how long, and
// what the client still holds for it is abandoned. Neither client guarantees this by itself:
// against such a server they wait for a connection, without a deadline, before sending anything.
import { StoreUnavailableError, ValidationError, describeValue } from '@gridledger/core/store';
import type { Lifetime } from './lifetime.js';

/** The clients' own default deadline for a call. */
export const DEFAULT_DEADLINE_MS = 10_000;

export function checkDeadline(deadline: unknown): number {
  if (deadline === undefined) return DEFAULT_DEADLINE_MS;
  if (typeof deadline === 'number' && Number.isSafeInteger(deadline) && deadline > 0) {
    return deadline;
  }
  throw new ValidationError('EventStoreDB store options', [
    {
      path: 'deadline',
      message: `must be a whole number of milliseconds > 0; got ${describeValue(deadline)}`,
    },
  ]);
}

/** The error of a call the server did not answer in time; `consequence` says what it means. */
export const noAnswer = (
  store: string,
  operation: string,
  ms: number,
  consequence = '',
): StoreUnavailableError =>
  new StoreUnavailableError(
    store,
    `${operation}: no answer from the server within ${ms} ms (the store's deadline)${consequence}`,
  );

/** Why `within` gave up on a call, as opposed to the call failing by itself. */
export class CutShort extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/**
 * Settles as `pending` does, unless `ms` pass first (rejects with a CutShort holding
 * `expired()`), or `lifetime` ends first (a CutShort holding `closed()`). `pending` is then left
 * to settle unobserved. An infinite `ms` waits as long as `pending` does.
 */
export function within<T>(
  pending: Promise<T>,
  ms: number,
  expired: () => Error,
  lifetime: Lifetime,
  closed: () => Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let stopListening: () => void = () => undefined;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening();
      settle();
    };
    if (Number.isFinite(ms)) {
      timer = setTimeout(() => finish(() => reject(new CutShort(expired()))), ms);
    }
    stopListening = lifetime.onClose(() => finish(() => reject(new CutShort(closed()))));
    pending.then(
      (value) => finish(() => resolve(value)),
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as the client threw it
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Waits for `pending` at most `ms`, ignoring its outcome: for letting go of client resources. */
export async function release(pending: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (pending === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    pending.catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
