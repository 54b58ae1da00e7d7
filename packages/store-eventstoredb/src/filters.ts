// Global filters. The server filters $all on one criterion (stream-name prefixes or an event-type
// regex); the adapter always checks both criteria again on its side, so results are exact with
// either client, whether or not the server filtered.
import { checkGlobalReadOptions, type GlobalFilter } from '@gridledger/core/store';
import type { EsdbFilterLike, EsdbRecordedEventLike } from './clientLike.js';
import { isForeignRecord, isSystemRecord } from './eventCodec.js';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The kit's check of global filters (types, stream prefix), shared by every store. */
export function checkFilter(filter: GlobalFilter, subject: string): void {
  checkGlobalReadOptions(filter, subject);
}

/**
 * The server-side part of a filter; the server applies one criterion only. A namespace goes
 * first (it separates whole histories sharing the cluster), with the stream prefix inside it;
 * without one, event types are the usual selective criterion, then the stream prefix; otherwise
 * just "no system events". The rest is checked on this side.
 */
export function serverFilter(
  filter: GlobalFilter,
  namespace: string,
  checkpoints: Omit<EsdbFilterLike, 'filterOn' | 'prefixes' | 'regex'>,
): EsdbFilterLike {
  const prefix = namespace + (filter.streamPrefix ?? '');
  if (namespace === '' && filter.types !== undefined && filter.types.length > 0) {
    const alternatives = [...new Set(filter.types)].map(escapeRegex).join('|');
    return { filterOn: 'eventType', regex: `^(?:${alternatives})$`, ...checkpoints };
  }
  if (prefix !== '') return { filterOn: 'streamName', prefixes: [prefix], ...checkpoints };
  return { filterOn: 'eventType', regex: '^[^$]', ...checkpoints };
}

/** What reads of $all do with an event that is not Gridledger's (see the store's options). */
export type ForeignEventPolicy = 'skip' | 'fail';

/**
 * Whether a record from $all is one the filter asks for: in this store's namespace, of a wanted
 * type, not a system event, and (unless foreign events must fail the read) carrying Gridledger's
 * envelope. What it lets through is decoded, and an unreadable record fails there.
 */
export function recordMatcher(
  filter: GlobalFilter,
  namespace: string,
  foreignEvents: ForeignEventPolicy,
): (record: EsdbRecordedEventLike) => boolean {
  const types = filter.types === undefined ? undefined : new Set(filter.types);
  const prefix = namespace + (filter.streamPrefix ?? '');
  return (record) =>
    !isSystemRecord(record) &&
    (foreignEvents === 'fail' || !isForeignRecord(record)) &&
    (types === undefined || types.has(record.type)) &&
    record.streamId.startsWith(prefix);
}
