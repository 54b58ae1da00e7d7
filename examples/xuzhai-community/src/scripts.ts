// What residents quarrel about, and how mediators settle it: the scenarios the generator draws
// disputes from. Each names the two sides, the agreement's terms (which side does what), or why
// no agreement was needed.
import type { DisputeCategory } from '@gridledger/core';

export interface DisputeScript {
  readonly category: DisputeCategory;
  readonly description: string;
  readonly roles: readonly [string, string];
  /** How a patrol would log it, e.g. `quarrel`. */
  readonly kind: string;
  readonly settlement: string;
  /** Who does what: `party` is 0 or 1, an index into `roles`. Empty: no agreement was needed. */
  readonly terms: readonly { readonly party: 0 | 1; readonly action: string }[];
  readonly noAgreementReason?: string;
  /** The summary of a session that is put off, e.g. until the parties bring their papers. */
  readonly adjourned?: string;
}

const script = (s: DisputeScript): DisputeScript => s;

/** Everyday disputes: settled in the grid, by the committee or at the police room. */
export const EVERYDAY: readonly DisputeScript[] = [
  script({
    category: 'neighbours',
    description: 'Water leaking through the ceiling from the flat above',
    roles: ['downstairs neighbour', 'upstairs neighbour'],
    kind: 'quarrel',
    settlement: 'The upstairs neighbour agrees to fix the pipe and repaint the ceiling below',
    terms: [{ party: 1, action: 'Repair the leaking pipe and repaint the ceiling below' }],
  }),
  script({
    category: 'neighbours',
    description: 'Loud music late at night',
    roles: ['neighbour', 'neighbour'],
    kind: 'noise',
    settlement: 'Quiet hours agreed from 22:00',
    terms: [{ party: 1, action: 'Keep music down after 22:00' }],
  }),
  script({
    category: 'neighbours',
    description: 'An electric scooter parked across a shared doorway',
    roles: ['neighbour', 'scooter owner'],
    kind: 'quarrel',
    settlement: 'The scooter will be kept in the bicycle shed',
    terms: [{ party: 1, action: 'Park the scooter in the bicycle shed' }],
  }),
  script({
    category: 'neighbours',
    description: 'A shouting match over a parcel delivered to the wrong door',
    roles: ['neighbour', 'neighbour'],
    kind: 'quarrel',
    settlement: 'A misunderstanding, cleared up face to face',
    terms: [],
    noAgreementReason: 'A misunderstanding; both sides apologised and shook hands',
  }),
  script({
    category: 'property',
    description: 'Belongings piled in the shared stairwell',
    roles: ['neighbour', 'owner of the belongings'],
    kind: 'quarrel',
    settlement: 'The stairwell will be cleared within three days',
    terms: [{ party: 1, action: 'Clear the stairwell within three days' }],
  }),
  script({
    category: 'property',
    description: 'A courtyard tree blocking the light of the flat next door',
    roles: ['neighbour', 'tree owner'],
    kind: 'quarrel',
    settlement: 'The tree will be pruned and the cost shared',
    terms: [
      { party: 0, action: 'Pay half the cost of pruning' },
      { party: 1, action: 'Have the tree pruned' },
    ],
  }),
  script({
    category: 'tenancy',
    description: 'Deposit withheld over a broken washing machine',
    roles: ['tenant', 'landlord'],
    kind: 'quarrel',
    settlement: 'Repair paid by the tenant, the rest of the deposit refunded',
    terms: [
      { party: 0, action: 'Pay for the washing-machine repair' },
      { party: 1, action: 'Refund the rest of the deposit' },
    ],
  }),
  script({
    category: 'family',
    description: 'A brother and sister disagree over caring for their elderly mother',
    roles: ['son', 'daughter'],
    kind: 'quarrel',
    settlement: 'Care shared between them through the week',
    terms: [
      { party: 0, action: 'Look after their mother on weekdays' },
      { party: 1, action: 'Look after their mother at weekends and pay for a carer' },
    ],
  }),
  script({
    category: 'family',
    description: 'A couple quarrelling over household money',
    roles: ['husband', 'wife'],
    kind: 'quarrel',
    settlement: 'The couple talked it through and reconciled',
    terms: [],
    noAgreementReason: 'The couple reconciled after talking it through',
  }),
  script({
    category: 'labour',
    description: 'Wages owed for renovation work',
    roles: ['worker', 'homeowner'],
    kind: 'quarrel',
    settlement: 'The outstanding wages will be paid by Friday',
    terms: [{ party: 1, action: 'Pay the outstanding wages by Friday' }],
  }),
  script({
    category: 'consumer',
    description: 'A shop refuses to take back a faulty rice cooker',
    roles: ['customer', 'shopkeeper'],
    kind: 'quarrel',
    settlement: 'The shop will replace the rice cooker',
    terms: [{ party: 1, action: 'Replace the rice cooker' }],
  }),
  script({
    category: 'other',
    description: 'A dog off the lead frightening children in the courtyard',
    roles: ['parent', 'dog owner'],
    kind: 'quarrel',
    settlement: 'The dog will be kept on a lead',
    terms: [{ party: 1, action: 'Keep the dog on a lead in the courtyard' }],
  }),
];

/** A quarrel between two people from outside the community: not on the household register. */
export const OUTSIDERS: DisputeScript = script({
  category: 'consumer',
  description: 'A street vendor and a customer arguing over short weight',
  roles: ['customer', 'vendor'],
  kind: 'quarrel',
  settlement: 'The vendor makes up the weight and apologises',
  terms: [{ party: 1, action: 'Make up the short weight' }],
});

/** Names for people a patrol meets who are not on the register. */
export const OUTSIDER_NAMES: readonly [string, string] = ['a customer', 'a fruit vendor'];

export interface Referral {
  readonly to: 'court' | 'labour-arbitration';
  readonly body: string;
  readonly reason: string;
  readonly script: DisputeScript;
}

export const REFERRALS: Readonly<Record<Referral['to'], Referral>> = {
  court: {
    to: 'court',
    body: 'Huaiyang District People’s Court',
    reason: 'Who owns the flat needs a court’s ruling',
    script: script({
      category: 'property',
      description: 'Two brothers dispute the inheritance of their late father’s flat',
      roles: ['elder brother', 'younger brother'],
      kind: 'quarrel',
      settlement: 'No settlement: each claims the whole flat',
      terms: [],
    }),
  },
  'labour-arbitration': {
    to: 'labour-arbitration',
    body: 'Zhoukou Labour Dispute Arbitration Commission',
    reason: 'The employer will not negotiate; the wages claim needs an award',
    script: script({
      category: 'labour',
      description: 'A restaurant owes a kitchen worker three months’ wages',
      roles: ['worker', 'employer'],
      kind: 'quarrel',
      settlement: 'No settlement: the employer disputes the hours worked',
      terms: [],
    }),
  },
};

/**
 * A boundary dispute: slow to settle, each session often put off until both sides bring their
 * property certificates; it settles when a survey draws the line.
 */
export const BOUNDARY: DisputeScript = script({
  category: 'property',
  description: 'Each side says the other built its courtyard wall over the boundary',
  roles: ['neighbour', 'neighbour'],
  kind: 'quarrel',
  settlement: 'The survey drew the line; the wall will be rebuilt on it, the cost shared',
  terms: [
    { party: 0, action: 'Pay half the cost of rebuilding the wall' },
    { party: 1, action: 'Rebuild the wall on the surveyed line' },
  ],
  adjourned: 'Adjourned: both sides will bring their property certificates',
});
