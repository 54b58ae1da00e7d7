// Checks an append before anything is sent: the store kit's checks (stream id, options, expected
// version, envelope, JSON data and metadata, well-formed Unicode) plus EventStoreDB's own rules —
// a ULID id (it maps to the UUID the server requires) and nothing in the `$` system namespace. A
// bad batch is one ValidationError listing every problem; nothing reaches the server.
import {
  ValidationError,
  checkAppend,
  describeValue,
  streamIdIssue as commonStreamIdIssue,
  type AppendRules,
  type CheckedAppend,
  type ValidationIssue,
} from '@gridledger/core/store';
import { isUlid } from './ids.js';

/** A value as it appears in an error message (the kernel's wording, shared by every store). */
export const show = describeValue;

/** Stream ids starting with `$` are EventStoreDB's system streams. */
const systemStream = (streamId: string): string | undefined =>
  streamId.startsWith('$')
    ? `'${streamId}' starts with '$', which EventStoreDB reserves for system streams`
    : undefined;

/** Stream ids: the kit's rule, and outside EventStoreDB's `$` namespace of system streams. */
export function streamIdIssue(streamId: unknown): ValidationIssue | undefined {
  const common = commonStreamIdIssue(streamId);
  if (common !== undefined) return common;
  const system = systemStream(streamId as string);
  return system === undefined ? undefined : { path: 'streamId', message: system };
}

export function checkStreamId(streamId: unknown, subject: string): asserts streamId is string {
  const issue = streamIdIssue(streamId);
  if (issue) throw new ValidationError(subject, [issue]);
}

/** The store's namespace: a plain prefix, outside the `$` system namespace. */
export function checkNamespace(namespace: unknown): string {
  if (namespace === undefined) return '';
  if (typeof namespace !== 'string' || namespace.startsWith('$')) {
    throw new ValidationError('EventStoreDB store options', [
      {
        path: 'namespace',
        message: `must be a string not starting with '$'; got ${show(namespace)}`,
      },
    ]);
  }
  return namespace;
}

const appendRules: AppendRules = {
  streamId: systemStream,
  event(event) {
    const issues: ValidationIssue[] = [];
    if (!isUlid(event.id)) {
      issues.push({
        path: 'id',
        message: `must be a ULID (26 Crockford base-32 characters), which maps to the UUID EventStoreDB requires; got ${show(event.id)}`,
      });
    }
    if (event.type.startsWith('$')) {
      issues.push({
        path: 'type',
        message: `'${event.type}' starts with '$', which EventStoreDB reserves for system events`,
      });
    }
    return issues;
  },
};

/** Validates a whole append; throws one ValidationError naming every bad field. */
export function checkEsdbAppend(
  streamId: unknown,
  events: unknown,
  options: unknown,
): CheckedAppend {
  return checkAppend(streamId, events, options, appendRules);
}
