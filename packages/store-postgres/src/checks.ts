// What callers hand the PostgreSQL store, checked by the kernel's store kit
// (`@gridledger/core/store`) exactly as every other store checks it: an append is refused with one
// ValidationError naming every wrong field before any connection is taken, and text PostgreSQL
// would refuse (NUL in an identifier) or silently change (a lone surrogate becomes U+FFFD) never
// reaches it. What is PostgreSQL's own: the schema version must fit the `integer` column.
import {
  ValidationError,
  checkAppend,
  identifierIssue,
  type AppendRules,
  type ExpectedVersion,
  type ValidationIssue,
} from '@gridledger/core/store';

/** One append, ready for the `append_events` function: one array per column. */
export interface AppendRows {
  readonly ids: string[];
  readonly types: string[];
  readonly schemaVersions: number[];
  readonly data: string[];
  readonly metadata: string[];
}

const INTEGER_LIMIT = 2 ** 31;

const appendRules: AppendRules = {
  event: (event) =>
    event.schemaVersion < INTEGER_LIMIT
      ? []
      : [
          {
            path: 'schemaVersion',
            message: `must be below ${INTEGER_LIMIT} (a PostgreSQL integer)`,
          },
        ],
};

/** The expected version as the `append_events` function takes it: -1 any, -2 none, -3 exists. */
function expectedCode(value: ExpectedVersion): number {
  if (value === 'any') return -1;
  if (value === 'no-stream') return -2;
  if (value === 'stream-exists') return -3;
  return value;
}

/** Checks `append(streamId, events, options)` and returns its columns, or throws. */
export function prepareAppend(
  streamId: unknown,
  events: unknown,
  options: unknown,
): { streamId: string; rows: AppendRows; expected: number; expectedVersion: ExpectedVersion } {
  const checked = checkAppend(streamId, events, options, appendRules);
  const rows: AppendRows = { ids: [], types: [], schemaVersions: [], data: [], metadata: [] };
  for (const event of checked.events) {
    rows.ids.push(event.id);
    rows.types.push(event.type);
    rows.schemaVersions.push(event.schemaVersion);
    rows.data.push(JSON.stringify(event.data));
    rows.metadata.push(JSON.stringify(event.metadata));
  }
  return {
    streamId: checked.streamId,
    rows,
    expected: expectedCode(checked.expectedVersion),
    expectedVersion: checked.expectedVersion,
  };
}

/** Adds an issue unless `value` is a non-empty string PostgreSQL stores exactly. */
export function checkName(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (typeof value !== 'string' || value === '') {
    issues.push({ path, message: 'must be a non-empty string' });
    return;
  }
  const issue = identifierIssue(value);
  if (issue !== undefined) issues.push({ path, message: issue });
}

/** Throws a ValidationError about `subject` unless every entry is a name PostgreSQL keeps. */
export function checkNames(subject: string, entries: Readonly<Record<string, unknown>>): void {
  const issues: ValidationIssue[] = [];
  for (const [path, value] of Object.entries(entries)) checkName(value, path, issues);
  if (issues.length > 0) throw new ValidationError(subject, issues);
}
