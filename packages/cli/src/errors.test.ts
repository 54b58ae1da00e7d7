import { describe, expect, it } from 'vitest';
import { StoreUnavailableError, ValidationError } from '@gridledger/core';
import { describeError, UsageError } from './errors.js';

describe('describeError', () => {
  it('lists a few issues of a validation, one a line, and counts the rest', () => {
    const issues = Array.from({ length: 1388 }, (_, i) => ({
      path: `dispute-d-${i}`,
      message: 'already exists in the target (last version 10); import writes only new streams',
    }));
    const { message, exitCode } = describeError(
      new ValidationError('import into sqlite:/x.db', issues),
    );
    expect(exitCode).toBe(1);
    expect(message.split('\n')).toEqual([
      'VALIDATION_FAILED: invalid import into sqlite:/x.db (1,388 issues):',
      ...[0, 1, 2, 3, 4].map(
        (i) =>
          `    dispute-d-${i}: already exists in the target (last version 10); import writes only new streams`,
      ),
      '    … and 1,383 more',
    ]);
  });

  it('keeps a validation with one issue on one line', () => {
    const error = new ValidationError('command ReportDispute', [
      { path: 'data.grid', message: 'Required' },
    ]);
    expect(describeError(error).message).toBe(
      'VALIDATION_FAILED: Invalid command ReportDispute: data.grid: Required',
    );
  });

  it('cuts any message longer than a screen', () => {
    const { message } = describeError(new StoreUnavailableError('x', 'y'.repeat(5000)));
    expect(message.length).toBeLessThan(1100);
    expect(message).toMatch(/… \(4,\d{3} more characters\)$/);
    expect(describeError(new UsageError('short')).message).toBe('short');
  });
});
