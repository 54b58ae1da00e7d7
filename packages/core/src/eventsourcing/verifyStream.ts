// The auditor's check of one stream: replays it from the store and reports the first event whose
// hash or place does not match.
import type { EventStore } from './store.js';
import {
  createStreamChainVerifier,
  type ChainAnchor,
  type StreamVerification,
} from './chainVerifier.js';

export interface VerifyStreamOptions {
  /**
   * Continue from an earlier verification instead of the first event: only later events are
   * read and checked, and the first of them must link to `after.hash`.
   */
  readonly after?: ChainAnchor;
}

/**
 * Reads `streamId` in order (in flat memory) and checks every event's hash and link. A stream
 * that does not exist throws `StreamNotFoundError`.
 */
export async function verifyStream(
  store: EventStore,
  streamId: string,
  options: VerifyStreamOptions = {},
): Promise<StreamVerification> {
  const verifier = createStreamChainVerifier(streamId, options.after);
  const events = store.readStream(
    streamId,
    options.after === undefined ? {} : { fromVersion: options.after.streamVersion + 1 },
  );
  for await (const event of events) {
    if (verifier.check(event) !== undefined) break;
  }
  return verifier.report();
}
