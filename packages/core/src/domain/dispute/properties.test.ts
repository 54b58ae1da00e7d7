import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dispute, type DisputeState } from '@gridledger/core';
import {
  describeDeciderProperties,
  runRecipes,
  type PropertySubject,
} from '../__fixtures__/deciderProperties.js';
import { disputeRecipe, disputeTours } from './__fixtures__/recipes.js';
import { levelRank } from './vocabulary.js';

/** What must hold of every dispute, whatever happened to it. */
function invariant(s: DisputeState): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, rule: string) => {
    if (!ok) broken.push(rule);
  };
  const partyIds = s.parties.map((p) => p.partyId);
  check(new Set(partyIds).size === partyIds.length, 'party ids are unique');
  check((s.status === 'unreported') === (s.disputeId === null), 'reported iff it has an id');
  check(s.level === null || s.classification !== null, 'assigned only after classification');
  check(s.level === null || s.mediators.length > 0, 'a level has mediators');
  check(!s.interventionStarted || s.level !== null, 'intervention only once assigned');
  check(s.sessionsHeld === 0 || s.interventionStarted, 'sessions only after intervention');
  check(s.agreement === null || s.sessionsHeld > 0, 'agreement only after a session');
  check(
    (s.agreement?.terms ?? []).every((t) => partyIds.includes(t.obligatedPartyId)),
    'terms name parties of the dispute',
  );
  const r = s.resolution;
  check(r === null || (s.interventionStarted && r.level === s.level), 'resolved where mediated');
  check(
    r?.how !== 'agreement' || (s.agreement?.terms.every((t) => t.fulfilled) ?? false),
    'resolved by agreement only once it is carried out',
  );
  check(!(r !== null && s.referral !== null), 'never both resolved and referred out');
  check(s.lastFollowUp === null || r !== null, 'the current follow-up follows the resolution');
  check(s.status !== 'open' || r === null, 'an open (or reopened) dispute is not resolved');
  check(new Set(s.laterCases).size === s.laterCases.length, 'a later case is linked once');
  check(s.status !== 'declined' || !s.interventionStarted, 'declined only before mediation');
  check(
    s.status !== 'closed' ||
      s.referral !== null ||
      (r !== null && s.lastFollowUp?.satisfied === true),
    'closed only when referred out, or resolved and followed up with the residents satisfied',
  );
  return broken;
}

const subject: PropertySubject<never, never, DisputeState> = {
  aggregate: Dispute as never,
  invariant,
  id: 'd-1',
  tours: disputeTours,
};
describeDeciderProperties(subject, disputeRecipe, { run: 60, throughHandler: 25 });

describe('Dispute levels', () => {
  it('a level goes down only by a hand-down, and up only by an escalation', () => {
    fc.assert(
      fc.property(fc.array(disputeRecipe, { maxLength: 60, size: 'max' }), (recipes) => {
        const { events } = runRecipes(subject, recipes);
        let current: number | null = null;
        for (const event of events as {
          type: string;
          data: { level?: never; toLevel?: never };
        }[]) {
          const level =
            event.data.toLevel ?? (event.type === 'DisputeAssigned' ? event.data.level : undefined);
          if (level === undefined) continue;
          const rank = levelRank(level);
          if (current !== null) {
            if (event.type === 'DisputeHandedDown') expect(rank).toBeLessThan(current);
            else if (event.type === 'DisputeEscalated') expect(rank).toBeGreaterThan(current);
            else expect(rank).toBe(current);
          }
          current = rank;
        }
      }),
      { numRuns: 100 },
    );
  });
});
