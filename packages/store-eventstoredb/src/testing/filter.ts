// Server-side filters on $all, as ReadReq.Options.FilterOptions describes them.
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb';
import type { LogRecord } from './log.js';

/** EventStoreDB's default search window (events read per page) when none is given. */
const DEFAULT_WINDOW = 32;

export type RecordFilter = (record: LogRecord) => boolean;

export function recordFilterOf(options: StreamsPb.ReadReq.Options): RecordFilter | undefined {
  const filter = options.getFilter();
  if (!options.hasFilter() || filter === undefined) return undefined;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const field = (record: LogRecord): string => (onStream ? record.streamName : record.type);
  const regex = expression?.getRegex() ?? '';
  if (regex !== '') {
    const pattern = new RegExp(regex);
    return (record) => pattern.test(field(record));
  }
  const prefixes = expression?.getPrefixList() ?? [];
  return (record) => prefixes.some((prefix) => field(record).startsWith(prefix));
}

/** How many events one page looks at: the filter's `max`, or the server's default. */
export function searchWindowOf(options: StreamsPb.ReadReq.Options): number {
  const filter = options.getFilter();
  return Math.max(1, filter?.hasMax() === true ? filter.getMax() : DEFAULT_WINDOW);
}
