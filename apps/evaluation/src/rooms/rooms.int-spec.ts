import { startTestApp, TestApp } from '../../../../test/support/app';
import {
  addExpert,
  conveneRoom,
  createCast,
  createChallenge,
  createTeamBid,
  HAND_PICKED_REASON,
  RoomClient,
} from '../../../../test/support/evaluation';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

const slot = (bidId: string) => ({ bidId, presentationMinutes: 15, qaMinutes: 10 });

describe('convening a room and conflicts of interest (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation, listen: true });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  it('convenes a room on a closed challenge: rubric frozen, automatic recusals recorded, evaluation.started emitted', async () => {
    const cast = await createCast(t, { judges: 3, teams: [] });
    // Team A belongs to the university one judge is affiliated with; a second judge was once on team B.
    const university = await registerEnterprise(t, admin, '云南大学');
    const affiliated = await addExpert(t, admin, { affiliationOrgId: university.orgId });
    const formerMember = cast.judges[0];
    const a = await createTeamBid(t, cast.challengeId, { members: [await register(t)], orgId: university.orgId, quotedPriceFen: 100 });
    const b = await createTeamBid(t, cast.challengeId, { members: [await register(t)], formerMembers: [formerMember], quotedPriceFen: 200 });
    const judgeIds = [formerMember.id, cast.judges[1].id, affiliated.id];
    const { roomId, body } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds,
      chairUserId: cast.judges[1].id,
      bids: [slot(b.bidId), slot(a.bidId)],
      objectionWindowMinutes: 60,
    });
    expect(body).toMatchObject({ status: 'CONVENED', version: 1, aggregation: 'TRIMMED_MEAN', passMark: 60, winners: 1 });
    expect((body.rubric as { key: string }[]).map((c) => c.key)).toEqual(['tech', 'team', 'price']);
    expect((body.bids as { bidId: string }[]).map((x) => x.bidId)).toEqual([b.bidId, a.bidId]);

    // the rubric is frozen: changing the challenge afterwards does not change the room
    await t.dataSource.query(`UPDATE challenge SET pass_mark = 90, rubric = '[]' WHERE id = $1`, [cast.challengeId]);
    const chair = cast.judges[1];
    const snapshot = await t.http().get(`/api/rooms/${roomId}`).set(chair.auth).expect(200);
    expect(snapshot.body).toMatchObject({ audience: 'CHAIR', passMark: 60 });
    expect(snapshot.body.rubric).toHaveLength(3);

    const declarations = await t.http().get(`/api/rooms/${roomId}/declarations`).set(admin.auth).expect(200);
    expect(declarations.body).toEqual([
      expect.objectContaining({ judgeId: formerMember.id, bidId: b.bidId, conflict: true, automatic: true, reason: 'TEAM_MEMBER' }),
      expect.objectContaining({ judgeId: affiliated.id, bidId: a.bidId, conflict: true, automatic: true, reason: 'SAME_ORGANISATION' }),
    ]);
    const events = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE type = 'evaluation.started' AND payload->>'roomId' = $1`, [roomId]);
    expect(events).toEqual([{ payload: { roomId, challengeId: cast.challengeId } }]);
    // one room per challenge
    const again = await t
      .http()
      .post('/api/rooms')
      .set(admin.auth)
      .send({ challengeId: cast.challengeId, judgeIds, handPickedReason: HAND_PICKED_REASON, chairUserId: chair.id, bids: [slot(b.bidId), slot(a.bidId)], objectionWindowMinutes: 0 })
      .expect(409);
    expect(again.body.code).toBe('ROOM_EXISTS');
  });

  it('recuses at convening a judge the bid names as key personnel (KEY_PERSONNEL), and the draw leaves them out', async () => {
    const cast = await createCast(t, { judges: 3, teams: [] });
    const named = cast.judges[2];
    const lead = await register(t);
    const a = await createTeamBid(t, cast.challengeId, { members: [lead, named], keyPersonnel: [lead, named], quotedPriceFen: 100 });
    const b = await createTeamBid(t, cast.challengeId, { members: [await register(t)], quotedPriceFen: 200 });
    const draw = await t.http().post('/api/rooms/draws').set(admin.auth).send({ challengeId: cast.challengeId, size: 3, alternates: 0, fields: ['智能制造'] });
    expect(draw.status).toBe(201);
    expect(draw.body.exclusions).toContainEqual({ userId: named.id, reasons: [{ reason: 'KEY_PERSONNEL', bidId: a.bidId }] });
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      chairUserId: cast.judges[0].id,
      bids: [slot(a.bidId), slot(b.bidId)],
      objectionWindowMinutes: 60,
    });
    const declarations = await t.http().get(`/api/rooms/${roomId}/declarations`).set(admin.auth).expect(200);
    expect(declarations.body).toEqual([expect.objectContaining({ judgeId: named.id, bidId: a.bidId, conflict: true, automatic: true, reason: 'KEY_PERSONNEL' })]);
  });

  it('refuses bad panels, open challenges, unshortlisted bids and an incomplete shortlist, writing nothing', async () => {
    const cast = await createCast(t, { judges: 4, teams: [{ name: 'A', quotedPriceFen: 1 }, { name: 'B', quotedPriceFen: 2 }] });
    const [a, b] = cast.teams;
    const base = {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.slice(0, 3).map((j) => j.id),
      handPickedReason: HAND_PICKED_REASON,
      chairUserId: cast.judges[0].id,
      bids: [slot(a.bidId), slot(b.bidId)],
      objectionWindowMinutes: 0,
    };
    const post = (body: object) => t.http().post('/api/rooms').set(admin.auth).send(body);
    // a hand-picked panel needs a reason; a panel is drawn or hand-picked, not both, not neither
    const { handPickedReason: _reason, ...unreasoned } = base;
    expect((await post(unreasoned).expect(400)).body.details).toEqual([
      { field: 'handPickedReason', messages: ['is required to hand-pick a panel (judgeIds)'] },
    ]);
    expect((await post({ ...base, handPickedReason: '   ' }).expect(400)).body.details[0].field).toBe('handPickedReason');
    expect((await post({ ...base, drawId: cast.challengeId }).expect(400)).body.details).toEqual([
      { field: 'judgeIds', messages: ['is not given with drawId: the panel is the draw’s'] },
    ]);
    const { judgeIds: _judges, ...nobody } = unreasoned;
    expect((await post(nobody).expect(400)).body.details).toEqual([{ field: 'drawId', messages: ['or judgeIds is required'] }]);
    const even = await post({ ...base, judgeIds: cast.judges.map((j) => j.id) }).expect(400);
    expect(even.body.details).toEqual([{ field: 'judgeIds', messages: ['must be an odd number of judges from 3 to 15, not 4'] }]);
    const outsider = await register(t);
    expect((await post({ ...base, chairUserId: outsider.id }).expect(400)).body.details[0].field).toBe('chairUserId');
    const notExpert = await post({ ...base, judgeIds: [cast.judges[0].id, cast.judges[1].id, outsider.id] }).expect(400);
    expect(notExpert.body.details[0].field).toBe('judgeIds');
    expect((await post({ ...base, bids: [slot(a.bidId)] }).expect(409)).body.code).toBe('SHORTLIST_INCOMPLETE');
    expect((await post({ ...base, bids: [slot(a.bidId), slot(a.bidId)] }).expect(400)).body.details[0].field).toBe('bids.1.bidId');
    const bad = await post({ ...base, aggregation: 'MAX', objectionWindowMinutes: -1, bids: [{ bidId: a.bidId, presentationMinutes: 0 }] }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'aggregation',
      'bids.0.presentationMinutes',
      'bids.0.qaMinutes',
      'objectionWindowMinutes',
    ]);
    // a bid not shortlisted
    const c = await createTeamBid(t, cast.challengeId, { members: [await register(t)], quotedPriceFen: 3, status: 'SUBMITTED' });
    expect((await post({ ...base, bids: [slot(a.bidId), slot(b.bidId), slot(c.bidId)] }).expect(409)).body.code).toBe('BID_NOT_SHORTLISTED');
    // a challenge still open for bids
    const open = await createChallenge(t, cast.owner, { status: 'PUBLISHED', closesInPast: false });
    expect((await post({ ...base, challengeId: open }).expect(409)).body.code).toBe('CHALLENGE_NOT_CLOSED');
    // non-admins cannot convene
    await t.http().post('/api/rooms').set(cast.judges[0].auth).send(base).expect(403);
    expect(await t.dataSource.query('SELECT id FROM evaluation_room WHERE challenge_id = $1', [cast.challengeId])).toEqual([]);
    // a PUBLISHED challenge past its deadline is closed in effect
    const past = await createChallenge(t, cast.owner, { status: 'PUBLISHED', closesInPast: true });
    const d = await createTeamBid(t, past, { members: [await register(t)], quotedPriceFen: 3 });
    await post({ ...base, challengeId: past, bids: [slot(d.bidId)] }).expect(201);
  });

  it('opens only once every judge has declared on every bid; a recused judge never sees the bid', async () => {
    const cast = await createCast(t, { judges: 3, teams: [{ name: 'A', quotedPriceFen: 1 }, { name: 'B', quotedPriceFen: 2 }] });
    const [a, b] = cast.teams;
    const [j1, j2, j3] = cast.judges;
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: [j1.id, j2.id, j3.id],
      chairUserId: admin.id,
      bids: [slot(a.bidId), slot(b.bidId)],
      objectionWindowMinutes: 0,
    });
    const chair = await RoomClient.connect(t.url, admin.token);
    try {
      const refused = await chair.send('room:open', { roomId });
      expect(refused).toMatchObject({ ok: false, code: 'DECLARATIONS_INCOMPLETE' });
      expect((refused.details as { missing: unknown[] }).missing).toHaveLength(6);

      const declare = (judge: TestUser, declarations: object[]) =>
        t.http().post(`/api/rooms/${roomId}/declarations`).set(judge.auth).send({ declarations });
      // a conflict needs a reason; bids outside the room are refused; nothing is written then
      const noReason = await declare(j1, [{ bidId: a.bidId, conflict: true }]).expect(400);
      expect(noReason.body.details).toEqual([{ field: 'declarations.0.reason', messages: ['is required with a conflict'] }]);
      await declare(j1, [{ bidId: cast.challengeId, conflict: false }]).expect(400);
      expect((await declare(cast.owner, [{ bidId: a.bidId, conflict: false }]).expect(403)).body.code).toBe('NOT_ON_PANEL');
      expect((await declare(await register(t), [{ bidId: a.bidId, conflict: false }]).expect(404)).body.code).toBe('ROOM_NOT_FOUND');

      await declare(j1, [{ bidId: a.bidId, conflict: true, reason: '曾与该团队合作发表论文' }, { bidId: b.bidId, conflict: false }]).expect(200);
      await declare(j2, [{ bidId: a.bidId, conflict: false }, { bidId: b.bidId, conflict: false }]).expect(200);
      expect((await chair.send('room:open', { roomId })).code).toBe('DECLARATIONS_INCOMPLETE');
      const last = await declare(j3, [{ bidId: a.bidId, conflict: false }, { bidId: b.bidId, conflict: false }]).expect(200);
      expect(last.body.complete).toBe(true);
      const opened = await chair.ok('room:open', { roomId });
      expect(opened.version).toBe(last.body.version + 1);
      // after opening, declarations are closed
      expect((await declare(j2, [{ bidId: a.bidId, conflict: true, reason: 'late' }]).expect(409)).body.code).toBe('ROOM_NOT_CONVENED');

      // the recused judge cannot read the bid; the others, the chair and the owner can; a team cannot read a rival's bid
      expect((await t.http().get(`/api/rooms/${roomId}/bids/${a.bidId}`).set(j1.auth).expect(403)).body.code).toBe('JUDGE_RECUSED');
      const content = await t.http().get(`/api/rooms/${roomId}/bids/${a.bidId}`).set(j2.auth).expect(200);
      expect(content.body).toMatchObject({ bidId: a.bidId, teamName: 'A', quotedPriceFen: 1, durationDays: 180 });
      expect(content.body.proposal).toContain('的方案');
      // key personnel by name (the lead), milestones as the bid stores them
      expect(content.body.keyPersonnel).toEqual([{ userId: a.members[0].id, displayName: 'A 负责人' }]);
      expect(content.body.milestones.map((m: { paymentBasisPoints: number }) => m.paymentBasisPoints).reduce((x: number, y: number) => x + y, 0)).toBe(10_000);
      await t.http().get(`/api/rooms/${roomId}/bids/${a.bidId}`).set(admin.auth).expect(200);
      await t.http().get(`/api/rooms/${roomId}/bids/${a.bidId}`).set(cast.owner.auth).expect(200);
      const rival = await t.http().get(`/api/rooms/${roomId}/bids/${a.bidId}`).set(b.members[0].auth).expect(403);
      expect(rival.body.code).toBe('BID_CONTENT_RESTRICTED');
      const stranger = await register(t);
      await t.http().get(`/api/rooms/${roomId}/bids/${a.bidId}`).set(stranger.auth).expect(404);
      await t.http().get(`/api/rooms/${roomId}`).set(stranger.auth).expect(404);

      // the judge's snapshot lists the recusal; declarations are the chair's and admins' to read in full
      const mine = await t.http().get(`/api/rooms/${roomId}`).set(j1.auth).expect(200);
      expect(mine.body).toMatchObject({ audience: 'JUDGE', myRecusals: [a.bidId] });
      const own = await t.http().get(`/api/rooms/${roomId}/declarations`).set(j2.auth).expect(200);
      expect(own.body.every((d: { judgeId: string }) => d.judgeId === j2.id)).toBe(true);
      await t.http().get(`/api/rooms/${roomId}/declarations`).set(cast.owner.auth).expect(403);

      // the room list: judges, chair and observers see it; strangers do not
      const listed = await t.http().get('/api/rooms').query({ challengeId: cast.challengeId }).set(a.members[0].auth).expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: roomId, audience: 'OBSERVER', status: 'OPEN' })]);
      expect((await t.http().get('/api/rooms').set(stranger.auth).expect(200)).body).toEqual([]);
    } finally {
      chair.close();
    }
  });

  it('refuses a declaration that tries to undo an automatic recusal', async () => {
    const university = await registerEnterprise(t, admin, '昆明理工大学');
    const cast = await createCast(t, { judges: 2, teams: [] });
    const affiliated = await addExpert(t, admin, { affiliationOrgId: university.orgId });
    const a = await createTeamBid(t, cast.challengeId, { members: [await register(t)], orgId: university.orgId, quotedPriceFen: 1 });
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: [...cast.judges.map((j) => j.id), affiliated.id],
      chairUserId: cast.judges[0].id,
      bids: [slot(a.bidId)],
      objectionWindowMinutes: 0,
    });
    const res = await t
      .http()
      .post(`/api/rooms/${roomId}/declarations`)
      .set(affiliated.auth)
      .send({ declarations: [{ bidId: a.bidId, conflict: false }] })
      .expect(409);
    expect(res.body.code).toBe('RECUSAL_AUTOMATIC');
  });
});
