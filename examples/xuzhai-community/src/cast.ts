// The people of Xuzhai as the demo records them: the officers and staff the article names, the
// 81 party members who each own a red micro-grid, the patrol team, and the residents' register.
import type { Actor, GridMemberRole, Household } from '@gridledger/core';
import { nameSource } from './names.js';
import type { Random } from './random.js';

export interface Member {
  readonly id: string;
  readonly name: string;
  /** The first role is the capacity they act in. */
  readonly roles: readonly [GridMemberRole, ...GridMemberRole[]];
  /** The grid they own (party members) or serve (grid workers). */
  readonly grid?: string;
  readonly patrolTeam: boolean;
}

/** A resident on the community's household register. Names and addresses are personal data. */
export interface Resident {
  readonly name: string;
  readonly grid: string;
  readonly household: Household;
}

export const COMMUNITY = 'xuzhai';
export const GRID_COUNT = 81;
const HOUSEHOLDS_PER_GRID = 14;

export const actorOf = (member: Member): Actor => ({
  id: member.id,
  role: member.roles[0],
  name: member.name,
});

const two = (n: number): string => String(n).padStart(2, '0');
export const gridId = (n: number): string => `${COMMUNITY}-${two(n)}`;

export function buildCast(random: Random) {
  const nextName = nameSource(random.fork('names'));
  const grids = Array.from({ length: GRID_COUNT }, (_, i) => gridId(i + 1));
  const member = (
    id: string,
    roles: Member['roles'],
    more: { name?: string; grid?: string; patrolTeam?: boolean } = {},
  ): Member => ({
    id,
    name: more.name ?? nextName(),
    roles,
    ...(more.grid === undefined ? {} : { grid: more.grid }),
    patrolTeam: more.patrolTeam ?? false,
  });
  const many = (prefix: string, count: number, roles: Member['roles'], patrolTeam = true) =>
    Array.from({ length: count }, (_, i) =>
      member(`m-${prefix}-${two(i + 1)}`, roles, { patrolTeam }),
    );

  const jiang = member('m-jiang-lin', ['community-police-officer', 'party-member'], {
    name: 'Jiang Lin',
  });
  const zhao = member('m-zhao-baoxing', ['police-officer', 'party-member'], {
    name: 'Zhao Baoxing',
  });
  const zhou = member('m-zhou-jinfeng', ['police-officer'], { name: 'Zhou Jinfeng' });
  // staff[0] chairs the dispute mediation committee.
  const staff = [
    member('m-staff-01', ['community-staff', 'party-member']),
    member('m-staff-02', ['community-staff']),
    member('m-staff-03', ['community-staff']),
  ] as const;
  // Every ninth owner also walks with the patrol team.
  const owners = grids.map((grid, i) =>
    member(`m-pm-${two(i + 1)}`, ['party-member'], { grid, patrolTeam: i % 9 === 4 }),
  );
  const gridWorkers = Array.from({ length: 6 }, (_, i) =>
    member(`m-gw-${two(i + 1)}`, ['grid-worker'], { grid: gridId(7 + 13 * i), patrolTeam: true }),
  );
  const coordinators = many('fpc', 4, ['floating-population-coordinator']);
  const guards = many('sg', 6, ['security-guard']);
  const veterans = many('vet', 6, ['veteran-party-member', 'party-member']);
  const cadres = many('rc', 4, ['retired-cadre']);
  const volunteers = many('vol', 12, ['volunteer']);

  const everyone = [
    jiang,
    zhao,
    zhou,
    ...staff,
    ...owners,
    ...gridWorkers,
    ...coordinators,
    ...guards,
    ...veterans,
    ...cadres,
    ...volunteers,
  ];
  const register = buildRegister(grids, nextName);
  const kang = place(register, 3, 2, 'Kang');
  const xu = place(register, 7, 12, 'Xu');

  return {
    community: COMMUNITY,
    grids,
    jiang,
    zhao,
    zhou,
    staff,
    owners,
    gridWorkers,
    coordinators,
    guards,
    veterans,
    cadres,
    volunteers,
    everyone,
    patrolTeam: everyone.filter((m) => m.patrolTeam),
    /** Those who lead a patrol shift: veteran party members and retired cadres. */
    patrolLeaders: [...veterans, ...cadres],
    kang,
    xu,
    memberById(id: string): Member {
      const member = everyone.find((m) => m.id === id);
      if (member === undefined) throw new RangeError(`no member '${id}' in the cast`);
      return member;
    },
    ownerOf(grid: string): Member {
      const owner = owners.find((m) => m.grid === grid);
      if (owner === undefined) throw new RangeError(`no party member owns grid ${grid}`);
      return owner;
    },
    residents(grid: string): readonly Resident[] {
      return register.get(grid) ?? [];
    },
    /** The register's resident of that name in that grid, if any (how spotted parties are found). */
    findResident(grid: string, name: string): Resident | undefined {
      return register.get(grid)?.find((r) => r.name === name);
    },
  };
}

export type Cast = ReturnType<typeof buildCast>;

function buildRegister(grids: readonly string[], nextName: () => string) {
  const register = new Map<string, Resident[]>();
  grids.forEach((grid, g) => {
    const residents = Array.from({ length: HOUSEHOLDS_PER_GRID }, (_, u) => ({
      name: nextName(),
      grid,
      household: {
        householdId: `h-${two(g + 1)}-${two(u + 1)}`,
        address: `Xuzhai community, building ${g + 1}, unit ${u + 1}`,
      },
    }));
    register.set(grid, residents);
  });
  return register;
}

/** Puts a named resident of the article into a unit of the register. */
function place(register: Map<string, Resident[]>, grid: number, unit: number, name: string) {
  const residents = register.get(gridId(grid)) as Resident[];
  const resident = { ...(residents[unit - 1] as Resident), name };
  residents[unit - 1] = resident;
  return resident;
}
