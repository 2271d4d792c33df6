import { createHash } from 'node:crypto';
import { ValidationFailed } from '../errors';
import { DrawStream, drawEligibility, drawPanel, poolHash, seedHash, validateDrawSize, validatePanelChoice } from './panel-draw';
import { OrganisationIdentity, organisationIdentity } from '../identity/organisation-identity';

const org = (name: string): OrganisationIdentity => organisationIdentity({ name, country: 'CN', creditCode: null });

const seedOf = (i: number): string => createHash('sha256').update(`seed ${i}`).digest('hex');
const POOL = Array.from({ length: 9 }, (_, i) => `expert-${i}`);

function fields(fn: () => unknown): { field: string; messages: string[] }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.fields;
    throw error;
  }
  throw new Error('did not throw');
}

describe('drawPanel', () => {
  it('is deterministic: the same pool, size, alternates and seed give the same panel and alternates', () => {
    const seed = seedOf(1);
    expect(drawPanel(POOL, 5, 2, seed)).toEqual(drawPanel([...POOL], 5, 2, seed));
    expect(drawPanel(POOL, 5, 2, seedOf(2))).not.toEqual(drawPanel(POOL, 5, 2, seed));
  });

  it('follows the documented procedure (a pinned vector: seed of 32 zero bytes)', () => {
    // block_0 = SHA-256(32 zero bytes ‖ 00000000), read as u_0 … u_7; Fisher–Yates from the front
    const seed = '00'.repeat(32);
    const block = createHash('sha256').update(Buffer.alloc(36)).digest();
    const pool = ['a', 'b', 'c', 'd', 'e'];
    const ids = [...pool];
    for (let i = 0; i < 4; i += 1) {
      // none of these four is rejected (each is below 2^32 − (2^32 mod m)), so u_i decides swap i
      const m = ids.length - i;
      const u = block.readUInt32BE(4 * i);
      expect(u).toBeLessThan(2 ** 32 - (2 ** 32 % m));
      const j = i + (u % m);
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    expect(drawPanel(pool, 3, 1, seed)).toEqual({ panel: ids.slice(0, 3), alternates: ids.slice(3, 4) });
  });

  it('draws distinct experts of the pool, the alternates apart from the panel', () => {
    for (let i = 0; i < 200; i += 1) {
      const { panel, alternates } = drawPanel(POOL, 5, 3, seedOf(i));
      expect(panel).toHaveLength(5);
      expect(alternates).toHaveLength(3);
      const all = [...panel, ...alternates];
      expect(new Set(all).size).toBe(8);
      for (const id of all) expect(POOL).toContain(id);
    }
  });

  it('can draw every expert into every seat, about equally often', () => {
    const runs = 9000;
    const seats = POOL.map(() => new Map<string, number>());
    for (let i = 0; i < runs; i += 1) {
      const { panel, alternates } = drawPanel(POOL, 3, 2, seedOf(i));
      [...panel, ...alternates].forEach((id, seat) => seats[seat].set(id, (seats[seat].get(id) ?? 0) + 1));
    }
    // each of the 5 seats: each of the 9 experts about runs/9 = 1000 times (±15 %, several standard deviations)
    for (const seat of seats.slice(0, 5)) {
      expect(seat.size).toBe(POOL.length);
      for (const count of seat.values()) {
        expect(count).toBeGreaterThan(850);
        expect(count).toBeLessThan(1150);
      }
    }
  });

  it('refuses a pool out of canonical order or with a repeat, and a pool too small', () => {
    expect(() => drawPanel(['b', 'a', 'c'], 3, 0, seedOf(0))).toThrow(TypeError);
    expect(() => drawPanel(['a', 'a', 'c'], 3, 0, seedOf(0))).toThrow(TypeError);
    expect(() => drawPanel(['a', 'b', 'c'], 3, 1, seedOf(0))).toThrow(RangeError);
    expect(() => drawPanel(['a', 'b', 'c'], 3, 0, 'not hex')).toThrow(TypeError);
    expect(() => drawPanel(['a', 'b', 'c'], 3, 0, 'AB'.repeat(32))).toThrow(TypeError);
  });
});

describe('DrawStream', () => {
  it('is SHA-256 in counter mode over the seed, 4 bytes big-endian at a time', () => {
    const seed = seedOf(7);
    const stream = new DrawStream(seed);
    const k = (n: number) => Buffer.from([0, 0, 0, n]);
    const expected = Buffer.concat([0, 1].map((n) => createHash('sha256').update(Buffer.concat([Buffer.from(seed, 'hex'), k(n)])).digest()));
    for (let i = 0; i < 16; i += 1) expect(stream.next32()).toBe(expected.readUInt32BE(4 * i));
  });

  it('has no modulo bias: below(3·2^30) falls in each third about a third of the time (plain u mod m would put half in the first)', () => {
    const m = 3 * 2 ** 30;
    const stream = new DrawStream(seedOf(3));
    const thirds = [0, 0, 0];
    const n = 30_000;
    for (let i = 0; i < n; i += 1) thirds[Math.floor(stream.below(m) / 2 ** 30)] += 1;
    for (const count of thirds) {
      expect(count / n).toBeGreaterThan(0.32);
      expect(count / n).toBeLessThan(0.347);
    }
  });

  it('draws again the integers at or above the largest multiple of m', () => {
    // with m = 2^31 + 1, every u from 2^31 + 1 up is refused: about half of them
    const m = 2 ** 31 + 1;
    const seed = seedOf(11);
    const raw = new DrawStream(seed);
    const drawn = new DrawStream(seed);
    const accepted: number[] = [];
    while (accepted.length < 20) {
      const u = raw.next32();
      if (u < m) accepted.push(u);
    }
    expect(accepted.map(() => drawn.below(m))).toEqual(accepted);
  });
});

describe('commitments', () => {
  it('hashes the seed’s bytes, and the pool’s ids one per line', () => {
    const seed = seedOf(5);
    expect(seedHash(seed)).toBe(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'));
    expect(poolHash(['a', 'b'])).toBe(createHash('sha256').update('a\nb\n').digest('hex'));
  });
});

describe('drawEligibility', () => {
  const bids = [
    { bidId: 'bid-1', org: org('org-team'), keyPersonnelUserIds: [], memberships: [{ userId: 'e-former', leftAt: new Date('2026-01-01T00:00:00Z') }] },
    { bidId: 'bid-2', org: null, keyPersonnelUserIds: ['e-named'], memberships: [] },
  ];
  const expert = (userId: string, more: Partial<{ fields: string[]; affiliation: OrganisationIdentity | null; roomsInPeriod: number }> = {}) => ({
    userId,
    fields: ['智能制造'],
    affiliation: null,
    roomsInPeriod: 0,
    ...more,
  });

  it('keeps experts with a requested field, no automatic conflict and under the cap, in canonical order; says why the others are left out', () => {
    const result = drawEligibility(
      [
        expert('e-z'),
        expert('e-field', { fields: ['Sensors'] }),
        expert('e-none', { fields: ['法律'] }),
        expert('e-former'),
        expert('e-named'),
        expert('e-same', { affiliation: org('org-team') }),
        expert('e-busy', { roomsInPeriod: 3 }),
        expert('e-ok', { roomsInPeriod: 2 }),
        expert('e-all', { fields: ['法律'], affiliation: org('org-team'), roomsInPeriod: 9 }),
      ],
      ['智能制造', 'sensors'],
      bids,
      3,
      { at: new Date('2027-06-15T08:00:00Z'), years: 3 },
    );
    expect(result.pool).toEqual(['e-field', 'e-ok', 'e-z']);
    expect(result.exclusions).toEqual([
      { userId: 'e-all', reasons: [{ reason: 'NO_REQUESTED_FIELD' }, { reason: 'SAME_ORGANISATION', bidId: 'bid-1' }, { reason: 'ROOM_CAP_REACHED' }] },
      { userId: 'e-busy', reasons: [{ reason: 'ROOM_CAP_REACHED' }] },
      { userId: 'e-former', reasons: [{ reason: 'TEAM_MEMBER', bidId: 'bid-1' }] },
      { userId: 'e-named', reasons: [{ reason: 'KEY_PERSONNEL', bidId: 'bid-2' }] },
      { userId: 'e-none', reasons: [{ reason: 'NO_REQUESTED_FIELD' }] },
      { userId: 'e-same', reasons: [{ reason: 'SAME_ORGANISATION', bidId: 'bid-1' }] },
    ]);
  });
});

describe('validateDrawSize and validatePanelChoice', () => {
  it('takes an odd panel of 3 to 15', () => {
    expect(() => validateDrawSize(3)).not.toThrow();
    expect(() => validateDrawSize(15)).not.toThrow();
    for (const size of [1, 2, 4, 17]) expect(fields(() => validateDrawSize(size)).map((f) => f.field)).toEqual(['size']);
  });

  it('takes a draw, or judges with a reason; never both, never neither', () => {
    expect(validatePanelChoice({ drawId: 'd' })).toBe('DRAWN');
    expect(validatePanelChoice({ judgeIds: ['a'], handPickedReason: 'why' })).toBe('HAND_PICKED');
    expect(fields(() => validatePanelChoice({ judgeIds: ['a'] }))).toEqual([{ field: 'handPickedReason', messages: ['is required to hand-pick a panel (judgeIds)'] }]);
    expect(fields(() => validatePanelChoice({ judgeIds: ['a'], handPickedReason: '' })).map((f) => f.field)).toEqual(['handPickedReason']);
    expect(fields(() => validatePanelChoice({ drawId: 'd', judgeIds: ['a'], handPickedReason: 'why' })).map((f) => f.field)).toEqual(['judgeIds']);
    expect(fields(() => validatePanelChoice({ drawId: 'd', handPickedReason: 'why' })).map((f) => f.field)).toEqual(['handPickedReason']);
    expect(fields(() => validatePanelChoice({})).map((f) => f.field)).toEqual(['drawId']);
  });
});
