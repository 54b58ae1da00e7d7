import { describe, expect, it } from 'vitest';
import {
  GridOwnership,
  assignGridOwner,
  isRuleViolation,
  releaseStaleGridOwnership,
  streamIdOf,
} from '@gridledger/core';
import { createWorld, enrol, streamOf, type World } from '../__fixtures__/world.js';

const lockOf = (world: World, grid: string) => streamOf(world, streamIdOf(GridOwnership, grid));
const typesOf = async (world: World, streamId: string) =>
  (await streamOf(world, streamId)).map((e) => e.type);

async function expectRule(promise: Promise<unknown>, rule: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRuleViolation(error) && error.rule).toBe(rule);
}

describe('assignGridOwner', () => {
  it('makes a party member the owner of a grid, on both their record and the grid lock', async () => {
    const world = createWorld();
    await enrol(world, 'm-li');
    const result = await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    expect(result).toEqual({
      grid: 'g-7',
      memberId: 'm-li',
      changed: true,
      releasedGrid: undefined,
    });
    const member = await world.ledger.load(world.members.aggregate, 'm-li');
    expect(member.state.assignment).toEqual({ grid: 'g-7', capacity: 'owner' });
    const lock = await lockOf(world, 'g-7');
    expect(lock.map((e) => e.data)).toEqual([{ grid: 'g-7', memberId: 'm-li', memberVersion: 0 }]);
    expect(lock[0]?.metadata.actor).toEqual(world.actor);
  });

  it('does nothing when run again for the owner (a re-run is safe)', async () => {
    const world = createWorld();
    await enrol(world, 'm-li');
    await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    const again = await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    expect(again.changed).toBe(false);
    expect(await typesOf(world, 'grid-member-m-li')).toHaveLength(2);
    expect(await lockOf(world, 'g-7')).toHaveLength(1);
  });

  it('refuses a second owner, leaving both records as they were', async () => {
    const world = createWorld();
    await enrol(world, 'm-li');
    await enrol(world, 'm-wu');
    await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    await expectRule(
      assignGridOwner(world.ledger, { memberId: 'm-wu', grid: 'g-7' }, world),
      'grid.already-owned',
    );
    expect(await typesOf(world, 'grid-member-m-wu')).toEqual(['GridMemberEnrolled']);
    expect(await lockOf(world, 'g-7')).toHaveLength(1);
  });

  it('refuses a member who is not a party member, or retired, before touching the lock', async () => {
    const world = createWorld();
    await enrol(world, 'm-guard', ['security-guard']);
    await enrol(world, 'm-old');
    await world.members('m-old', { type: 'retireGridMember', data: {} }, world);
    await expectRule(
      assignGridOwner(world.ledger, { memberId: 'm-guard', grid: 'g-7' }, world),
      'grid-member.owner-not-party-member',
    );
    await expectRule(
      assignGridOwner(world.ledger, { memberId: 'm-old', grid: 'g-7' }, world),
      'grid-member.retired',
    );
    await expectRule(
      assignGridOwner(world.ledger, { memberId: 'm-nobody', grid: 'g-7' }, world),
      'grid-member.not-enrolled',
    );
    await expect(lockOf(world, 'g-7')).rejects.toThrow(/not found/);
  });

  it('refuses a malformed request, naming the field', async () => {
    const world = createWorld();
    await expect(
      assignGridOwner(world.ledger, { memberId: 'm li', grid: 'g-7' }, world),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'memberId' }] });
  });

  it('moves an owner to another grid, releasing the old one', async () => {
    const world = createWorld();
    await enrol(world, 'm-li');
    await enrol(world, 'm-wu');
    await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    const moved = await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-8' }, world);
    expect(moved.releasedGrid).toBe('g-7');
    expect((await lockOf(world, 'g-7')).map((e) => e.type)).toEqual([
      'GridOwnershipClaimed',
      'GridOwnershipReleased',
    ]);
    await assignGridOwner(world.ledger, { memberId: 'm-wu', grid: 'g-7' }, world);
  });

  it('hands a grid on once its owner retires or moves on through their own record', async () => {
    const world = createWorld();
    for (const id of ['m-li', 'm-wu', 'm-ma']) await enrol(world, id);
    await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    await world.members('m-li', { type: 'retireGridMember', data: {} }, world);
    await assignGridOwner(world.ledger, { memberId: 'm-wu', grid: 'g-7' }, world);
    await world.members('m-wu', { type: 'reassignToGrid', data: { grid: 'g-9' } }, world);
    await assignGridOwner(world.ledger, { memberId: 'm-ma', grid: 'g-7' }, world);
    const released = (await lockOf(world, 'g-7')).filter((e) => e.type === 'GridOwnershipReleased');
    expect(released.map((e) => e.data)).toEqual([
      { grid: 'g-7', memberId: 'm-li', reason: 'retired' },
      { grid: 'g-7', memberId: 'm-wu', reason: 'stale-claim' },
    ]);
  });

  it('holds a claim whose assignment may still be landing, and a re-run completes it', async () => {
    const world = createWorld();
    await enrol(world, 'm-li');
    await enrol(world, 'm-wu');
    // As if an office crashed between claiming the lock and recording the assignment.
    const claimed = { grid: 'g-7', memberId: 'm-li', memberVersion: 0 };
    await world.ledger.append(
      streamIdOf(GridOwnership, 'g-7'),
      [{ type: 'GridOwnershipClaimed', data: claimed }],
      { expectedVersion: 'no-stream', actor: world.actor },
    );
    await expectRule(
      assignGridOwner(world.ledger, { memberId: 'm-wu', grid: 'g-7' }, world),
      'grid.already-owned',
    );
    await expectRule(
      releaseStaleGridOwnership(world.ledger, { grid: 'g-7' }, world),
      'grid.owner-still-serving',
    );
    const done = await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    expect(done.changed).toBe(true);
    const member = await world.ledger.load(world.members.aggregate, 'm-li');
    expect(member.state.assignment).toEqual({ grid: 'g-7', capacity: 'owner' });
  });
});

describe('releaseStaleGridOwnership', () => {
  it('refuses while the owner still owns the grid, and tidies up once they retired', async () => {
    const world = createWorld();
    await enrol(world, 'm-li');
    await assignGridOwner(world.ledger, { memberId: 'm-li', grid: 'g-7' }, world);
    await expectRule(
      releaseStaleGridOwnership(world.ledger, { grid: 'g-7' }, world),
      'grid.owner-still-serving',
    );
    await world.members('m-li', { type: 'retireGridMember', data: {} }, world);
    const result = await releaseStaleGridOwnership(world.ledger, { grid: 'g-7' }, world);
    expect(result).toEqual({ grid: 'g-7', releasedMemberId: 'm-li' });
    const again = await releaseStaleGridOwnership(world.ledger, { grid: 'g-7' }, world);
    expect(again.releasedMemberId).toBeUndefined();
  });
});
