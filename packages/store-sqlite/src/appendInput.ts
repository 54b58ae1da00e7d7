// An append, checked by the store kit before it reaches SQLite (one ValidationError naming every
// wrong field, before any lock is taken or row written), and its events serialised as rows.
import { checkAppend, type ExpectedVersion } from '@gridledger/core/store';

/** One event ready for the insert statement. */
export interface EventRow {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
}

export interface PreparedAppend {
  readonly streamId: string;
  readonly rows: readonly EventRow[];
  readonly expectedVersion: ExpectedVersion;
}

/** Checks `append(streamId, events, options)` and returns its rows, or throws ValidationError. */
export function prepareAppend(
  streamId: unknown,
  events: unknown,
  options: unknown,
): PreparedAppend {
  const checked = checkAppend(streamId, events, options);
  return {
    streamId: checked.streamId,
    expectedVersion: checked.expectedVersion,
    rows: checked.events.map((event) => ({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
    })),
  };
}
