import { DomainError } from '../errors';
import {
  assertChair,
  assertPanelJudge,
  assertParticipant,
  canReadBidContent,
  canReadRecord,
  canVerifyRecord,
  RoomParticipant,
  roomAudience,
  seatLabel,
  seesPanelIdentities,
} from './room-access';

const nobody: RoomParticipant = {
  userId: 'u',
  isAdmin: false,
  isChair: false,
  isPanelJudge: false,
  actsForOwner: false,
  teamBidIds: [],
};
const judge = { ...nobody, isPanelJudge: true };
const judgeChair = { ...judge, isChair: true };
const adminChair = { ...nobody, isAdmin: true, isChair: true };
const admin = { ...nobody, isAdmin: true };
const owner = { ...nobody, actsForOwner: true };
const team = { ...nobody, teamBidIds: ['b1'] };

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('roomAudience', () => {
  it('puts everyone in exactly one audience: chair, then judge, then observer', () => {
    expect(roomAudience(judgeChair)).toBe('CHAIR');
    expect(roomAudience(adminChair)).toBe('CHAIR');
    expect(roomAudience({ ...judge, isAdmin: true })).toBe('JUDGE');
    expect(roomAudience(judge)).toBe('JUDGE');
    expect(roomAudience(admin)).toBe('OBSERVER');
    expect(roomAudience(owner)).toBe('OBSERVER');
    expect(roomAudience(team)).toBe('OBSERVER');
    expect(roomAudience(nobody)).toBeNull();
  });

  it('hides the room from outsiders (404) and refuses chair and judge commands to others (403)', () => {
    expect(code(() => assertParticipant(nobody))).toBe('ROOM_NOT_FOUND');
    expect(assertParticipant(team)).toBe('OBSERVER');
    expect(code(() => assertChair(judge))).toBe('NOT_CHAIR');
    expect(code(() => assertChair(admin))).toBe('NOT_CHAIR');
    expect(() => assertChair(judgeChair)).not.toThrow();
    expect(code(() => assertPanelJudge(adminChair))).toBe('NOT_ON_PANEL');
    expect(code(() => assertPanelJudge(owner))).toBe('NOT_ON_PANEL');
  });
});

describe('canReadBidContent', () => {
  it('lets non-recused judges, the chair, admins and the owner read; never a recused judge', () => {
    expect(canReadBidContent(judge, false)).toBe(true);
    expect(canReadBidContent(judge, true)).toBe(false);
    expect(canReadBidContent(judgeChair, true)).toBe(false);
    expect(canReadBidContent(adminChair, false)).toBe(true);
    expect(canReadBidContent(admin, false)).toBe(true);
    expect(canReadBidContent(owner, false)).toBe(true);
    expect(canReadBidContent(team, false)).toBe(false);
  });
});

describe('the record', () => {
  it('is for the chair and admins during the room, and also the panel and owner once finalised', () => {
    for (const status of ['CONVENED', 'OPEN', 'REVEALED'] as const) {
      expect([adminChair, admin, judge, owner, team].map((p) => canReadRecord(p, status))).toEqual([true, true, false, false, false]);
    }
    expect([adminChair, admin, judge, owner, team].map((p) => canReadRecord(p, 'FINALIZED'))).toEqual([true, true, true, true, false]);
  });

  it('can be re-verified by every participant, and by anyone once finalised', () => {
    expect(canVerifyRecord(team, 'OPEN')).toBe(true);
    expect(canVerifyRecord(nobody, 'OPEN')).toBe(false);
    expect(canVerifyRecord(null, 'REVEALED')).toBe(false);
    expect(canVerifyRecord(null, 'FINALIZED')).toBe(true);
  });
});

describe('the panel’s identities', () => {
  it('are known to the chair and the judges always, to observers once the room is finalised', () => {
    for (const status of ['CONVENED', 'OPEN', 'REVEALED'] as const) {
      expect((['CHAIR', 'JUDGE', 'OBSERVER'] as const).map((audience) => seesPanelIdentities(audience, status))).toEqual([true, true, false]);
    }
    expect(seesPanelIdentities('OBSERVER', 'FINALIZED')).toBe(true);
  });

  it('are replaced by seat letters in panel order', () => {
    expect([1, 2, 3, 15, 26, 27, 52].map(seatLabel)).toEqual(['A', 'B', 'C', 'O', 'Z', 'AA', 'AZ']);
  });
});
