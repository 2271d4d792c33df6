import { startTestApp, TestApp } from '../../../../test/support/app';
import { addExpert, conveneRoom, createCast, createTeamBid, declareNoConflicts, RoomClients, sheet } from '../../../../test/support/evaluation';
import { loginAdmin, register, TestUser } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

const slot = (bidId: string) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 });

interface Seat {
  label: string;
  userId: string;
  displayName: string | null;
  chair: boolean;
}
interface Slot {
  bidId: string;
  scoredBy: string[];
  recusedJudgeIds: string[];
  eligibleJudges: number;
}
interface Snapshot {
  chairUserId: string | null;
  panel: Seat[];
  bids: Slot[];
  myDeclarations?: { bidId: string; conflict: boolean; reason: string | null }[];
}

describe('panel confidentiality: observers learn no judge before the room is finalised (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  const clients = new RoomClients(() => t.url);
  const connect = (user: TestUser) => clients.connect(user);

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation, listen: true });
    admin = await loginAdmin(t);
  });
  afterEach(() => {
    clients.closeAll();
  });
  afterAll(() => t.close());

  it('sends a team member seat labels only, in the snapshot and every event, while the panel gets the ids; names once finalised', async () => {
    const cast = await createCast(t, { judges: 0, teams: [] });
    const judges: TestUser[] = [];
    for (const name of ['王评委', '李评委', '赵评委']) judges.push(await addExpert(t, admin, { user: await register(t, 'judge', name) }));
    const [j1, j2, j3] = judges;
    const member = await register(t, 'solver', '甲团队 负责人');
    const a = await createTeamBid(t, cast.challengeId, { name: '甲团队', members: [member], quotedPriceFen: 40_000_000 });
    // J3 was on team B once: recused automatically from bid B
    const b = await createTeamBid(t, cast.challengeId, { name: '乙团队', members: [await register(t, 'solver', '乙团队 负责人')], formerMembers: [j3], quotedPriceFen: 30_000_000 });
    // J2 chairs and sits on the panel
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: judges.map((j) => j.id),
      chairUserId: j2.id,
      bids: [slot(a.bidId), slot(b.bidId)],
      objectionWindowMinutes: 0,
    });

    const chair = await connect(j2);
    const judge = await connect(j1);
    const team = await connect(member);
    const owner = await connect(cast.owner);
    const joined = await Promise.all([chair, judge, team, owner].map((client) => client.ok('room:join', { roomId })));
    const [, judgeView, teamView] = joined.map((ack) => ack.snapshot as Snapshot);

    // the team sees seats A, B, C, the chair as seat B, no names, no recusals; the judge sees who is who
    expect(teamView.panel.map((p) => [p.label, p.userId, p.displayName, p.chair])).toEqual([
      ['A', 'A', null, false],
      ['B', 'B', null, true],
      ['C', 'C', null, false],
    ]);
    expect(teamView.chairUserId).toBe('B');
    expect(teamView.bids.map((x) => [x.recusedJudgeIds, x.eligibleJudges])).toEqual([
      [[], 3],
      [[], 2],
    ]);
    expect(judgeView.panel.map((p) => [p.label, p.userId, p.displayName])).toEqual([
      ['A', j1.id, '王评委'],
      ['B', j2.id, '李评委'],
      ['C', j3.id, '赵评委'],
    ]);
    expect(judgeView.chairUserId).toBe(j2.id);
    expect(judgeView.bids[1].recusedJudgeIds).toEqual([j3.id]);

    // each judge declares; after a reload a judge's snapshot holds what they declared (the automatic recusal too)
    await declareNoConflicts(t, roomId, judges, [a.bidId, b.bidId]);
    const reloaded = (await t.http().get(`/api/rooms/${roomId}`).set(j3.auth).expect(200)).body as Snapshot;
    expect(reloaded.myDeclarations).toEqual([
      { bidId: a.bidId, conflict: false, automatic: false, reason: null },
      { bidId: b.bidId, conflict: true, automatic: true, reason: 'TEAM_MEMBER' },
    ]);
    expect(((await t.http().get(`/api/rooms/${roomId}`).set(j2.auth).expect(200)).body as Snapshot).myDeclarations).toHaveLength(2);

    // the live session: both bids scored and locked, the ranking revealed
    await chair.ok('room:open', { roomId });
    for (const [bidId, scorers] of [
      [a.bidId, [judge, chair, await connect(j3)]],
      [b.bidId, [judge, chair]],
    ] as const) {
      await chair.ok('room:present', { roomId, bidId });
      for (const [i, client] of scorers.entries()) await client.ok('score:submit', { roomId, bidId, scores: sheet(8, 7, 8), opId: `${bidId}-${i}` });
      await chair.ok('bid:lock', { roomId, bidId });
    }
    const revealed = await chair.ok('room:reveal', { roomId });
    await Promise.all([team, owner, judge].map((client) => client.waitForVersion(revealed.version as number)));

    // not a judge's id or name in anything the observers received, over the socket or from GET /rooms/:id
    const identities = judges.flatMap((j) => [j.id, '王评委', '李评委', '赵评委']);
    const ownerSnapshot = (await t.http().get(`/api/rooms/${roomId}`).set(cast.owner.auth).expect(200)).body as Snapshot;
    const adminSnapshot = (await t.http().get(`/api/rooms/${roomId}`).set(admin.auth).expect(200)).body as Snapshot;
    for (const received of [team.received, owner.received, [ownerSnapshot], [adminSnapshot]]) {
      const text = JSON.stringify(received);
      for (const identity of identities) expect(text).not.toContain(identity);
    }
    const scored = team.events.filter((e) => e.type === 'score.submitted' && e.data.bidId === b.bidId);
    expect(scored.map((e) => [e.data.judgeId, (e.data.progress as Slot).scoredBy, (e.data.progress as Slot).recusedJudgeIds])).toEqual([
      ['A', ['A'], []],
      ['B', ['A', 'B'], []],
    ]);
    expect(team.events.filter((e) => e.type === 'declarations.updated').map((e) => e.data.judgeId)).toEqual(['A', 'B', 'C']);
    // the panel received the same events with the ids
    const judgeScored = judge.events.filter((e) => e.type === 'score.submitted' && e.data.bidId === b.bidId);
    expect(judgeScored.map((e) => [e.data.judgeId, (e.data.progress as Slot).scoredBy, (e.data.progress as Slot).recusedJudgeIds])).toEqual([
      [j1.id, [j1.id], [j3.id]],
      [j2.id, [j1.id, j2.id], [j3.id]],
    ]);
    expect(judge.events.filter((e) => e.type === 'declarations.updated').map((e) => e.data.judgeId)).toEqual([j1.id, j2.id, j3.id]);
    // the room list does not name the chair to observers either
    const listed = async (user: TestUser) =>
      ((await t.http().get('/api/rooms').query({ challengeId: cast.challengeId }).set(user.auth).expect(200)).body as { chairUserId: string | null }[])[0].chairUserId;
    expect(await listed(member)).toBeNull();
    expect(await listed(j1)).toBe(j2.id);

    // finalised: observers get what the evaluation report publishes, the panel's names and recusals
    await chair.ok('room:finalize', { roomId });
    const finalView = (await team.ok('room:sync', { roomId })).snapshot as Snapshot;
    expect(finalView.panel.map((p) => [p.label, p.userId, p.displayName])).toEqual([
      ['A', j1.id, '王评委'],
      ['B', j2.id, '李评委'],
      ['C', j3.id, '赵评委'],
    ]);
    expect(finalView.chairUserId).toBe(j2.id);
    expect(finalView.bids[1]).toMatchObject({ scoredBy: [j1.id, j2.id], recusedJudgeIds: [j3.id] });
    expect(await listed(member)).toBe(j2.id);
    const report = await t.http().get(`/api/rooms/${roomId}/report`).set(cast.owner.auth).expect(200);
    expect(report.body.panel.map((p: { displayName: string }) => p.displayName)).toEqual(['王评委', '李评委', '赵评委']);
  });
});
