// Global filters. The server filters $all on one criterion (stream-name prefixes or an event-type
// regex); the adapter always checks both criteria again on its side, so results are exact with
// either client, whether or not the server filtered.
import { checkGlobalReadOptions, type GlobalFilter } from '@gridledger/core/store';
import type { EsdbFilterLike, EsdbRecordedEventLike } from './clientLike.js';
import { isSystemRecord } from './eventCodec.js';

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

/** Whether a record from $all is a Gridledger event of this store that the filter asks for. */
export function recordMatcher(
  filter: GlobalFilter,
  namespace: string,
): (record: EsdbRecordedEventLike) => boolean {
  const types = filter.types === undefined ? undefined : new Set(filter.types);
  const prefix = namespace + (filter.streamPrefix ?? '');
  return (record) =>
    !isSystemRecord(record) &&
    (types === undefined || types.has(record.type)) &&
    record.streamId.startsWith(prefix);
}
