import { configureEvaluation } from '@app/evaluation';
import { startTestApp, TestApp } from '../../../test/support/app';
import { acceptInvitation, inviteToTeam } from '../../../test/support/bidding';
import { conveneRoom, createCast, declareNoConflicts, RoomClients, RoomEvent, sheet } from '../../../test/support/evaluation';
import { loginAdmin, TestUser } from '../../../test/support/users';
import { until } from '../../../test/support/wait';
import { PlatformModule } from './platform.module';

const slot = (bidId: string) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 });

/**
 * Conflicts stay live (docs/integrity.md): a panel judge who joins a bidding team after the room
 * was convened is recused from that team's bid at once — through bidding's `team.member.joined`
 * and evaluation's consumer — their score withdrawn while the bid is open, flagged once it is locked.
 */
describe('conflicts that arise after convening recuse at once (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  const clients = new RoomClients(() => t.url);
  const connect = (user: TestUser) => clients.connect(user);
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => PlatformModule.forRoot(context), configure: configureEvaluation, listen: true });
    admin = await loginAdmin(t);
  });
  afterEach(() => {
    clients.closeAll();
  });
  afterAll(() => t.close());

  /** An open room of three judges (the admin chairs) over bids A and B, with the chair, the judges and the owner connected. */
  async function openRoom() {
    const cast = await createCast(t, { judges: 3, teams: [{ name: '甲团队', quotedPriceFen: 40_000_000 }, { name: '乙团队', quotedPriceFen: 30_000_000 }] });
    const bidIds = cast.teams.map((team) => team.bidId);
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      chairUserId: admin.id,
      bids: bidIds.map(slot),
      objectionWindowMinutes: 0,
    });
    await declareNoConflicts(t, roomId, cast.judges, bidIds);
    const chair = await connect(admin);
    const judges = await Promise.all(cast.judges.map((j) => connect(j)));
    const owner = await connect(cast.owner);
    for (const client of [chair, ...judges, owner]) await client.ok('room:join', { roomId });
    await chair.ok('room:open', { roomId });
    return { ...cast, roomId, chair, judges: cast.judges, sockets: judges, owner };
  }

  /** The judge accepts the lead's invitation to the team; answers the room event the chair then receives for the bid. */
  async function judgeJoins(room: Awaited<ReturnType<typeof openRoom>>, team: number, judge: TestUser) {
    const { teamId, members, bidId } = room.teams[team];
    const invitation = await inviteToTeam(t, members[0], teamId, judge);
    await acceptInvitation(t, judge, invitation.id);
    const isArose = (e: RoomEvent) => e.type === 'conflict.arose' && e.data.bidId === bidId;
    return { chair: await room.chair.waitForEvent(isArose), observer: await room.owner.waitForEvent(isArose) };
  }

  const declarationOf = async (roomId: string, judgeId: string, bidId: string) =>
    ((await t.http().get(`/api/rooms/${roomId}/declarations`).set(admin.auth).expect(200)).body as Record<string, unknown>[]).find(
      (d) => d.judgeId === judgeId && d.bidId === bidId,
    );
  const scoreRow = async (roomId: string, judgeId: string, bidId: string): Promise<{ withdrawn_at: Date | null }> =>
    (await t.dataSource.query('SELECT withdrawn_at FROM room_score WHERE room_id = $1 AND judge_id = $2 AND bid_id = $3', [roomId, judgeId, bidId]))[0];
  const arose = async (roomId: string): Promise<{ actor_id: string | null; payload: Record<string, unknown> }[]> =>
    t.dataSource.query(`SELECT actor_id, payload FROM room_audit WHERE room_id = $1 AND action = 'conflict.arose' ORDER BY seq`, [roomId]);

  it('recuses a judge who joins the team while its bid is presented: declaration automatic, score withdrawn, recorded, told', async () => {
    const room = await openRoom();
    const [j1] = room.judges;
    const [c1] = room.sockets;
    const a = room.teams[0].bidId;
    await room.chair.ok('room:present', { roomId: room.roomId, bidId: a });
    await c1.ok('score:submit', { roomId: room.roomId, bidId: a, scores: sheet(9, 9, 9), opId: 'before' });

    const told = await judgeJoins(room, 0, j1);

    expect(await declarationOf(room.roomId, j1.id, a)).toMatchObject({ conflict: true, automatic: true, reason: 'TEAM_MEMBER' });
    expect((await scoreRow(room.roomId, j1.id, a)).withdrawn_at).not.toBeNull();
    const [entry] = await arose(room.roomId);
    expect(entry).toEqual({
      actor_id: null,
      payload: {
        judgeId: j1.id,
        bidId: a,
        reason: 'TEAM_MEMBER',
        source: { event: 'team.member.joined', eventId: expect.any(String), teamId: room.teams[0].teamId },
        scoreWithdrawn: true,
        flagged: false,
      },
    });
    // the chair learns who and why; the judge's own score is gone; observers learn neither the judge nor the recusal
    expect(told.chair.data).toMatchObject({ bidId: a, judgeId: j1.id, reason: 'TEAM_MEMBER', scoreWithdrawn: true, flagged: false });
    expect((told.chair.data.progress as { recusedJudgeIds: string[]; scoredBy: string[] }).recusedJudgeIds).toEqual([j1.id]);
    expect((told.chair.data.progress as { scoredBy: string[] }).scoredBy).toEqual([]);
    expect(told.observer.version).toBe(told.chair.version);
    expect(JSON.stringify(told.observer.data)).not.toContain(j1.id);
    expect(told.observer.data).not.toHaveProperty('judgeId');
    expect(told.observer.data).not.toHaveProperty('reason');
    expect((told.observer.data.progress as { recusedJudgeIds: string[] }).recusedJudgeIds).toEqual([]);
    await c1.waitForEvent((e) => e.type === 'conflict.arose');
    expect(c1.ownScores.at(-1)).toMatchObject({ roomId: room.roomId, bidId: a, score: null });
    expect(await c1.send('score:submit', { roomId: room.roomId, bidId: a, scores: sheet(8, 8, 8), opId: 'after' })).toMatchObject({
      ok: false,
      code: 'JUDGE_RECUSED',
    });
    // the event is applied once: the record holds one entry, the chain verifies
    expect(await arose(room.roomId)).toHaveLength(1);
    const verified = await t.http().get(`/api/rooms/${room.roomId}/audit/verify`).set(admin.auth).expect(200);
    expect(verified.body).toMatchObject({ valid: true });
  });

  it('keeps a recused judge’s score in a locked bid and flags the bid for the bureau, in the chair’s view and the report', async () => {
    const room = await openRoom();
    const [, j2] = room.judges;
    const [, c2] = room.sockets;
    const b = room.teams[1].bidId;
    await room.chair.ok('room:present', { roomId: room.roomId, bidId: b });
    for (const [i, client] of room.sockets.entries()) await client.ok('score:submit', { roomId: room.roomId, bidId: b, scores: sheet(7 + i, 7, 7), opId: `b-${i}` });
    await room.chair.ok('bid:lock', { roomId: room.roomId, bidId: b });

    const told = await judgeJoins(room, 1, j2);

    expect(told.chair.data).toMatchObject({ bidId: b, judgeId: j2.id, reason: 'TEAM_MEMBER', scoreWithdrawn: false, flagged: true });
    expect(await declarationOf(room.roomId, j2.id, b)).toMatchObject({ conflict: true, automatic: true, reason: 'TEAM_MEMBER' });
    expect((await scoreRow(room.roomId, j2.id, b)).withdrawn_at).toBeNull();
    expect((await arose(room.roomId))[0].payload).toMatchObject({ judgeId: j2.id, bidId: b, scoreWithdrawn: false, flagged: true });
    const chairView = await t.http().get(`/api/rooms/${room.roomId}`).set(admin.auth).expect(200);
    expect(chairView.body.flagged).toEqual([{ bidId: b, judgeIds: [j2.id] }]);
    const judgeView = await t.http().get(`/api/rooms/${room.roomId}`).set(j2.auth).expect(200);
    expect(judgeView.body).not.toHaveProperty('flagged');
    expect(judgeView.body.myRecusals).toEqual([b]);
    expect(await c2.send('score:submit', { roomId: room.roomId, bidId: b, scores: sheet(1, 1, 1), opId: 'late' })).toMatchObject({ ok: false, code: 'JUDGE_RECUSED' });
    const report = await t.http().get(`/api/rooms/${room.roomId}/report`).set(admin.auth).expect(200);
    expect(report.body.flagged).toEqual([{ bidId: b, teamName: '乙团队', judgeIds: [j2.id] }]);
    expect(report.body.recusals).toEqual([expect.objectContaining({ judgeId: j2.id, bidId: b, automatic: true, reason: 'TEAM_MEMBER' })]);
  });

  it('leaves a room alone when the new member is not on its panel', async () => {
    const room = await openRoom();
    const outsider = room.teams[0].members[0];
    const before = (await t.dataSource.query('SELECT version FROM evaluation_room WHERE id = $1', [room.roomId]))[0].version;
    // team A's lead joins team B too: not a judge of the room
    const invitation = await inviteToTeam(t, room.teams[1].members[0], room.teams[1].teamId, outsider);
    await acceptInvitation(t, outsider, invitation.id);
    await until(async () => {
      const handled: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM outbox_consumption c JOIN outbox_event e ON e.id = c.event_id
          WHERE c.consumer = 'evaluation' AND e.type = 'team.member.joined' AND e.payload->>'userId' = $1`,
        [outsider.id],
      );
      return handled.length > 0;
    }, 10_000, 'evaluation to handle the membership');
    expect((await t.dataSource.query('SELECT version FROM evaluation_room WHERE id = $1', [room.roomId]))[0].version).toBe(before);
    expect(await arose(room.roomId)).toEqual([]);
  });
});
