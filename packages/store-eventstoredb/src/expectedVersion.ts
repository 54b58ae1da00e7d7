// Expected versions, Gridledger's words to the clients' words. Gridledger versions and
// EventStoreDB revisions are both 0-based, so a number maps to itself.
import type { ExpectedVersion } from '@gridledger/core';
import type { EsdbAppendOptions, EsdbStreamState } from './clientLike.js';

export function toStreamState(expected: ExpectedVersion): EsdbStreamState {
  switch (expected) {
    case 'any':
      return 'any';
    case 'no-stream':
      return 'no_stream';
    case 'stream-exists':
      return 'stream_exists';
    default:
      return BigInt(expected);
  }
}

/**
 * Append options understood by both clients. The option was renamed between them
 * (`expectedRevision` → `streamState`) and the new client reads the old name as "any", so both
 * keys are always sent; otherwise concurrency control would silently be lost.
 */
export function appendOptionsFor(expected: ExpectedVersion): EsdbAppendOptions {
  const state = toStreamState(expected);
  return { expectedRevision: state, streamState: state };
}
