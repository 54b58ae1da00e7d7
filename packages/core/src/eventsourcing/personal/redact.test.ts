// Redacted reads: no key is asked for; sealed values and values stored in clear where the schema
// marks them both read as REDACTED, and nothing else changes.
import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  createRedactingEncoder,
  gridledgerEvents,
  isRedacted,
  personalValuesInClear,
  DisputeResolved,
} from '@gridledger/core';

const subject = (type: string, data: unknown, schemaVersion = 1) => ({
  id: '01J00000000000000000000001',
  type,
  schemaVersion,
  streamId: 'dispute-d-1',
  data,
});

describe('the redacting encoder', () => {
  const encoder = createRedactingEncoder(gridledgerEvents);

  it('redacts values stored in clear by the schema, through unions, leaving the rest', async () => {
    const data = { how: 'no-agreement-needed', reason: 'Xu apologised', level: 'grid' };
    const redacted = await encoder.decode(subject('DisputeResolved', data));
    expect(redacted).toEqual({ how: 'no-agreement-needed', reason: REDACTED, level: 'grid' });
    expect(data.reason).toBe('Xu apologised');
    expect(personalValuesInClear(DisputeResolved, data, 'dispute-d-1')).toBe(1);
    expect(
      personalValuesInClear(
        DisputeResolved,
        { how: 'agreement', agreementId: 'a', level: 'grid' },
        'dispute-d-1',
      ),
    ).toBe(0);
  });

  it('redacts sealed values without any key, wherever they are', async () => {
    const sealed = { $sealed: 'party:dispute-d-1/p-xu', key: 'k1', v: 'AAAA' };
    const redacted = (await encoder.decode(
      subject('DisputePartyIdentified', {
        party: { partyId: 'p-xu', name: sealed, role: 'landlord' },
      }),
    )) as { party: { name: string; role: string } };
    expect(isRedacted(redacted.party.name)).toBe(true);
    expect(redacted.party.role).toBe('landlord');
  });

  it('never writes', async () => {
    await expect(encoder.encode(subject('DisputeClosed', {}))).rejects.toThrow(/only reads/);
  });
});
