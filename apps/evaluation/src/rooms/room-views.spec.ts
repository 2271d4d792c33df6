import type { EvaluationRoomEntity } from '@app/database';
import { RoomState } from './room-state';
import { buildSnapshot, eventMessages } from './room-views';

const at = new Date('2026-03-01T09:00:00.000Z');

function state(status: string): RoomState {
  const room = {
    id: 'room',
    challengeId: 'challenge',
    status,
    chairUserId: 'chair',
    aggregation: 'TRIMMED_MEAN',
    objectionWindowMinutes: 60,
    rubric: [
      { key: 'tech', name: '技术', description: '', weight: 60, maxScore: 10 },
      { key: 'price', name: '价格', description: '', weight: 40, maxScore: 10 },
    ],
    passMark: 60,
    winners: 1,
    version: 9,
    currentBidId: 'b1',
    timerBidId: 'b1',
    timerPhase: 'PRESENTATION',
    timerDurationMs: 600_000,
    timerRemainingMs: 600_000,
    timerStartedAt: new Date(at.getTime() - 60_000),
    openedAt: at,
    revealedAt: status === 'REVEALED' ? at : null,
    objectionWindowEndsAt: null,
    finalizedAt: null,
    chainHead: 'h',
    createdBy: 'admin',
    createdAt: at,
  } as EvaluationRoomEntity;
  const bid = (bidId: string, position: number, price: number) => ({
    bidId,
    position,
    presentationMinutes: 10,
    qaMinutes: 5,
    state: 'PRESENTING' as const,
    presentedAt: at,
    lockedAt: null,
    teamId: `t${position}`,
    teamName: `Team ${position}`,
    teamOrgId: null,
    quotedPriceFen: price,
    receivedAt: at,
  });
  const score = (bidId: string, judgeId: string, tech: number, price: number) => ({
    bidId,
    judgeId,
    scores: { tech, price },
    totalCenti: tech * 600 + price * 400,
    comment: null,
    updatedAt: at,
    withdrawnAt: null,
  });
  return {
    room,
    challenge: { id: 'challenge', title: 'T', orgId: 'org' },
    panel: ['j1', 'j2', 'j3'].map((userId, i) => ({ userId, displayName: userId, position: i + 1 })),
    bids: [bid('b1', 1, 100), bid('b2', 2, 50)],
    declarations: [{ judgeId: 'j3', bidId: 'b2', conflict: true, automatic: true, reason: 'SAME_ORGANISATION', declaredAt: at }],
    // b1: 80.00, 70.00, 90.00 -> 80.00; b2: 80.00, 80.00 -> 80.00, cheaper
    scores: [score('b1', 'j1', 8, 8), score('b1', 'j2', 7, 7), score('b1', 'j3', 9, 9), score('b2', 'j1', 8, 8), score('b2', 'j2', 8, 8)],
    objections: [],
  };
}

const SCORE_KEYS = /"(scores|total|aggregate|aggregates|panelScore|myScores|ranking)"/;

describe('buildSnapshot', () => {
  it('gives observers progress and the countdown, and no score before the reveal', () => {
    const snapshot = buildSnapshot(state('OPEN'), 'OBSERVER', 'owner', at);
    expect(JSON.stringify(snapshot)).not.toMatch(SCORE_KEYS);
    expect(snapshot.bids.map((b) => [b.bidId, b.scoredBy, b.recusedJudgeIds, b.eligibleJudges])).toEqual([
      ['b1', ['j1', 'j2', 'j3'], [], 3],
      ['b2', ['j1', 'j2'], ['j3'], 2],
    ]);
    // started a minute before the snapshot: 9 of the 10 minutes left
    expect(snapshot.timer).toEqual({ bidId: 'b1', phase: 'PRESENTATION', durationMs: 600_000, running: true, startedAt: '2026-03-01T08:59:00.000Z', remainingMs: 540_000 });
  });

  it('gives a judge their own scores and recusals only', () => {
    const snapshot = buildSnapshot(state('OPEN'), 'JUDGE', 'j3', at);
    expect(snapshot.myScores).toEqual([{ bidId: 'b1', scores: { tech: 9, price: 9 }, total: 9000, totalPoints: '90.00', comment: null, updatedAt: at.toISOString() }]);
    expect(snapshot.myRecusals).toEqual(['b2']);
    expect(snapshot.aggregates).toBeUndefined();
    expect(snapshot.ranking).toBeUndefined();
  });

  it('gives the chair every aggregate with flags', () => {
    const snapshot = buildSnapshot(state('OPEN'), 'CHAIR', 'chair', at);
    expect(snapshot.myScores).toBeUndefined();
    expect(snapshot.aggregates?.map((a) => [a.bidId, a.panelScore, a.scoredBy])).toEqual([
      ['b1', 8000, 3],
      ['b2', 8000, 2],
    ]);
  });

  it('shows everyone the ranking once revealed, the prices to the chair only', () => {
    const observer = buildSnapshot(state('REVEALED'), 'OBSERVER', 'owner', at);
    expect(observer.ranking?.map((r) => [r.bidId, r.rank, r.panelPoints, r.awarded, r.quotedPriceFen])).toEqual([
      ['b2', 1, '80.00', true, undefined],
      ['b1', 2, '80.00', false, undefined],
    ]);
    expect(buildSnapshot(state('REVEALED'), 'CHAIR', 'chair', at).ranking?.[0].quotedPriceFen).toBe(50);
  });
});

describe('eventMessages', () => {
  it('sends one version and type to all, with the chair’s extras to the chair only', () => {
    const { chair, others } = eventMessages('room', 10, at, { type: 'score.submitted', data: { bidId: 'b1' }, chairData: { aggregate: { panelScore: 1 } } });
    expect(chair).toEqual({ roomId: 'room', version: 10, type: 'score.submitted', at: at.toISOString(), data: { bidId: 'b1', aggregate: { panelScore: 1 } } });
    expect(others).toEqual({ roomId: 'room', version: 10, type: 'score.submitted', at: at.toISOString(), data: { bidId: 'b1' } });
  });
});
