import type { EvaluationRoomEntity } from '@app/database';
import { RoomState } from './room-state';
import { aggregateOf, bidProgress, buildSnapshot, eventMessages, flaggedOf } from './room-views';

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
    revealedAt: status === 'REVEALED' || status === 'FINALIZED' ? at : null,
    objectionWindowEndsAt: null,
    finalizedAt: status === 'FINALIZED' ? at : null,
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
    panel: ['j1', 'j2', 'j3'].map((userId, i) => ({ userId, displayName: `Judge ${i + 1}`, position: i + 1 })),
    bids: [bid('b1', 1, 100), bid('b2', 2, 50)],
    declarations: [{ judgeId: 'j3', bidId: 'b2', conflict: true, automatic: true, reason: 'SAME_ORGANISATION', declaredAt: at }],
    // b1: 80.00, 70.00, 90.00 -> 80.00; b2: 80.00, 80.00 -> 80.00, cheaper
    scores: [score('b1', 'j1', 8, 8), score('b1', 'j2', 7, 7), score('b1', 'j3', 9, 9), score('b2', 'j1', 8, 8), score('b2', 'j2', 8, 8)],
    objections: [],
  };
}

const SCORE_KEYS = /"(scores|total|aggregate|aggregates|panelScore|myScores|ranking)"/;
/** Any judge's user id or name in what was built. */
const JUDGE_IDENTITY = /"j\d"|Judge \d/;

/** The state with the chair sitting on the panel as its second judge. */
function judgeChairs(status: string): RoomState {
  const s = state(status);
  return { ...s, room: { ...s.room, chairUserId: 'j2' } as EvaluationRoomEntity };
}

describe('buildSnapshot', () => {
  it('gives observers progress and the countdown, and no score before the reveal', () => {
    const snapshot = buildSnapshot(state('OPEN'), 'OBSERVER', 'owner', at);
    expect(JSON.stringify(snapshot)).not.toMatch(SCORE_KEYS);
    expect(snapshot.bids.map((b) => [b.bidId, b.scoredBy, b.recusedJudgeIds, b.eligibleJudges])).toEqual([
      ['b1', ['A', 'B', 'C'], [], 3],
      ['b2', ['A', 'B'], [], 2],
    ]);
    // started a minute before the snapshot: 9 of the 10 minutes left
    expect(snapshot.timer).toEqual({ bidId: 'b1', phase: 'PRESENTATION', durationMs: 600_000, running: true, startedAt: '2026-03-01T08:59:00.000Z', remainingMs: 540_000 });
  });

  it('gives a judge their own scores, recusals and declarations only', () => {
    const s = state('OPEN');
    s.declarations.push({ judgeId: 'j3', bidId: 'b1', conflict: false, automatic: false, reason: null, declaredAt: at });
    s.declarations.push({ judgeId: 'j1', bidId: 'b1', conflict: true, automatic: false, reason: '曾为顾问', declaredAt: at });
    const snapshot = buildSnapshot(s, 'JUDGE', 'j3', at);
    expect(snapshot.myScores).toEqual([{ bidId: 'b1', scores: { tech: 9, price: 9 }, total: 9000, totalPoints: '90.00', comment: null, updatedAt: at.toISOString() }]);
    expect(snapshot.myRecusals).toEqual(['b2']);
    // in presentation order, the automatic recusal included, nobody else's
    expect(snapshot.myDeclarations).toEqual([
      { bidId: 'b1', conflict: false, automatic: false, reason: null },
      { bidId: 'b2', conflict: true, automatic: true, reason: 'SAME_ORGANISATION' },
    ]);
    expect(buildSnapshot(s, 'JUDGE', 'j2', at).myDeclarations).toEqual([]);
    expect(snapshot.aggregates).toBeUndefined();
    expect(snapshot.ranking).toBeUndefined();
  });

  it('gives a judge who chairs their own declarations; observers and an admin chair none', () => {
    const s = judgeChairs('CONVENED');
    expect(buildSnapshot(s, 'CHAIR', 'j3', at).myDeclarations).toEqual([{ bidId: 'b2', conflict: true, automatic: true, reason: 'SAME_ORGANISATION' }]);
    expect(buildSnapshot(state('CONVENED'), 'CHAIR', 'chair', at).myDeclarations).toBeUndefined();
    expect(buildSnapshot(s, 'OBSERVER', 'owner', at).myDeclarations).toBeUndefined();
  });

  it('names no judge to observers before finalisation: seat labels in panel order, no recusals, no admin chair', () => {
    const snapshot = buildSnapshot(state('REVEALED'), 'OBSERVER', 'owner', at);
    expect(JSON.stringify(snapshot)).not.toMatch(JUDGE_IDENTITY);
    expect(snapshot.panel).toEqual([
      { label: 'A', userId: 'A', displayName: null, chair: false, declared: false },
      { label: 'B', userId: 'B', displayName: null, chair: false, declared: false },
      { label: 'C', userId: 'C', displayName: null, chair: false, declared: false },
    ]);
    expect(snapshot.chairUserId).toBeNull();
    // a judge who chairs is their seat's label
    const chairing = buildSnapshot(judgeChairs('OPEN'), 'OBSERVER', 'owner', at);
    expect(chairing.chairUserId).toBe('B');
    expect(chairing.panel.map((p) => [p.userId, p.chair])).toEqual([
      ['A', false],
      ['B', true],
      ['C', false],
    ]);
  });

  it('names the panel to the chair and the judges, with the labels', () => {
    for (const [audience, viewer] of [
      ['CHAIR', 'j2'],
      ['JUDGE', 'j1'],
    ] as const) {
      const snapshot = buildSnapshot(judgeChairs('OPEN'), audience, viewer, at);
      expect(snapshot.chairUserId).toBe('j2');
      expect(snapshot.panel.map((p) => [p.label, p.userId, p.displayName])).toEqual([
        ['A', 'j1', 'Judge 1'],
        ['B', 'j2', 'Judge 2'],
        ['C', 'j3', 'Judge 3'],
      ]);
      expect(snapshot.bids.map((b) => [b.scoredBy, b.recusedJudgeIds])).toEqual([
        [['j1', 'j2', 'j3'], []],
        [['j1', 'j2'], ['j3']],
      ]);
    }
  });

  it('names the panel and its recusals to observers once finalised, as the report does', () => {
    const snapshot = buildSnapshot(state('FINALIZED'), 'OBSERVER', 'owner', at);
    expect(snapshot.chairUserId).toBe('chair');
    expect(snapshot.panel.map((p) => [p.label, p.userId, p.displayName])).toEqual([
      ['A', 'j1', 'Judge 1'],
      ['B', 'j2', 'Judge 2'],
      ['C', 'j3', 'Judge 3'],
    ]);
    expect(snapshot.bids[1]).toMatchObject({ scoredBy: ['j1', 'j2'], recusedJudgeIds: ['j3'], eligibleJudges: 2 });
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
    const { chair, judges, observers } = eventMessages(state('OPEN'), at, {
      type: 'timer.paused',
      data: { bidId: 'b1' },
      chairData: { aggregate: { panelScore: 1 } },
    });
    expect(chair).toEqual({ roomId: 'room', version: 9, type: 'timer.paused', at: at.toISOString(), data: { bidId: 'b1', aggregate: { panelScore: 1 } } });
    expect(judges).toEqual({ roomId: 'room', version: 9, type: 'timer.paused', at: at.toISOString(), data: { bidId: 'b1' } });
    expect(observers).toEqual(judges);
  });

  const scored = (s: RoomState) =>
    eventMessages(s, at, {
      type: 'score.submitted',
      data: { bidId: 'b2', judgeId: 'j2', revision: false, progress: bidProgress(s, 'b2') },
      chairData: { aggregate: aggregateOf(s, 'b2') },
    });

  it('gives observers seat labels in every bid of the price opening too', () => {
    const s = state('OPEN');
    const { judges, observers } = eventMessages(s, at, {
      type: 'prices.opened',
      data: { pricesOpenedAt: at.toISOString(), bids: s.bids.map((b) => bidProgress(s, b.bidId)) },
    });
    expect(JSON.stringify(observers)).not.toMatch(JUDGE_IDENTITY);
    expect(observers.data.bids?.find((b) => b.bidId === 'b2')).toMatchObject({ scoredBy: ['A', 'B'], recusedJudgeIds: [] });
    expect(judges.data.bids?.find((b) => b.bidId === 'b2')).toMatchObject({ scoredBy: ['j1', 'j2'], recusedJudgeIds: ['j3'] });
  });

  it('gives observers seat labels for the judge ids of an event before finalisation, and the panel its ids', () => {
    const { chair, judges, observers } = scored(state('OPEN'));
    expect(observers.data).toEqual({
      bidId: 'b2',
      judgeId: 'B',
      revision: false,
      progress: { bidId: 'b2', state: 'PRESENTING', scoredBy: ['A', 'B'], recusedJudgeIds: [], eligibleJudges: 2 },
    });
    expect(JSON.stringify(observers)).not.toMatch(JUDGE_IDENTITY);
    expect(judges.data).toMatchObject({ judgeId: 'j2', progress: { scoredBy: ['j1', 'j2'], recusedJudgeIds: ['j3'] } });
    expect(chair.data).toMatchObject({ judgeId: 'j2', progress: { scoredBy: ['j1', 'j2'], recusedJudgeIds: ['j3'] }, aggregate: { scoredBy: 2 } });
    // a declaration names its judge the same way
    const declared = eventMessages(state('CONVENED'), at, { type: 'declarations.updated', data: { judgeId: 'j3', declaredOnEveryBid: true, complete: false } });
    expect(declared.observers.data).toEqual({ judgeId: 'C', declaredOnEveryBid: true, complete: false });
    expect(declared.judges.data.judgeId).toBe('j3');
  });

  it('flags, for the chair only, a bid on which a judge recused from it since still has a standing score', () => {
    const s = state('OPEN');
    expect(flaggedOf(s)).toEqual([]);
    const arisen: RoomState = {
      ...s,
      declarations: [...s.declarations, { judgeId: 'j1', bidId: 'b1', conflict: true, automatic: true, reason: 'TEAM_MEMBER', declaredAt: at }],
    };
    expect(flaggedOf(arisen)).toEqual([{ bidId: 'b1', judgeIds: ['j1'] }]);
    expect(buildSnapshot(arisen, 'CHAIR', 'chair', at).flagged).toEqual([{ bidId: 'b1', judgeIds: ['j1'] }]);
    expect(buildSnapshot(arisen, 'JUDGE', 'j2', at)).not.toHaveProperty('flagged');
    expect(buildSnapshot(arisen, 'OBSERVER', 'owner', at)).not.toHaveProperty('flagged');
    // a conflict that arose: the chair learns who and why, observers neither the judge nor the recusal
    const told = eventMessages(arisen, at, {
      type: 'conflict.arose',
      data: { bidId: 'b1', progress: bidProgress(arisen, 'b1') },
      chairData: { judgeId: 'j1', reason: 'TEAM_MEMBER', scoreWithdrawn: false, flagged: true },
    });
    expect(told.chair.data).toMatchObject({ judgeId: 'j1', reason: 'TEAM_MEMBER', flagged: true, progress: { recusedJudgeIds: ['j1'] } });
    expect(told.judges.data).toEqual({ bidId: 'b1', progress: bidProgress(arisen, 'b1') });
    expect(told.observers.data).toEqual({ bidId: 'b1', progress: { bidId: 'b1', state: 'PRESENTING', scoredBy: ['A', 'B', 'C'], recusedJudgeIds: [], eligibleJudges: 2 } });
    expect(JSON.stringify(told.observers)).not.toMatch(JUDGE_IDENTITY);
  });

  it('gives observers the judge ids once the room is finalised', () => {
    const { judges, observers } = scored(state('FINALIZED'));
    expect(observers).toEqual(judges);
  });
});
