import { startTestApp, TestApp } from '../../../../test/support/app';
import { addExpert, conveneRoom, createCast, createTeamBid } from '../../../../test/support/evaluation';
import { loginAdmin, register, TestUser } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

const slot = (bidId: string) => ({ bidId, presentationMinutes: 15, qaMinutes: 10 });

describe('organisations are who they are (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation, listen: true });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  const createOrg = (user: TestUser, name: string, country = 'CN') =>
    t.http().post('/api/orgs').set(user.auth).send({ name, kind: 'UNIVERSITY', country });

  it('refuses a second record of a verified organisation, however its name is written, and changes nothing', async () => {
    const registrar = await register(t);
    const real = await createOrg(registrar, '昆明理工大学').expect(201);
    await t.http().post(`/api/orgs/${real.body.id}/verify`).set(admin.auth).expect(200);

    const bidder = await register(t);
    for (const name of ['昆明理工大学', ' 昆明 理工大学 ', '昆明理工大学（）', '昆明理工大学。']) {
      const refused = await createOrg(bidder, name).expect(409);
      expect(refused.body).toMatchObject({ code: 'ORGANISATION_DUPLICATE', details: { orgId: real.body.id } });
    }
    const mine = await t.http().get('/api/orgs?mine=true').set(bidder.auth).expect(200);
    expect(mine.body).toEqual([]);
    // the same name in another country is another organisation
    await createOrg(bidder, '昆明理工大学', 'SG').expect(201);
  });

  it('allows a second record of an unverified organisation, flags it for admins, and recuses the original’s judges from its team', async () => {
    const registrar = await register(t);
    const original = await createOrg(registrar, '昆明冶金高等专科学校').expect(201);
    const bidder = await register(t);
    const copy = await createOrg(bidder, '昆明 冶金高等专科学校（）').expect(201);
    expect(copy.body).not.toHaveProperty('duplicateOf');
    const seen = await t.http().get(`/api/orgs/${copy.body.id}`).set(admin.auth).expect(200);
    expect(seen.body).toMatchObject({ duplicateOf: original.body.id, verified: false });
    const unverified = await t.http().get('/api/orgs?verified=false').set(admin.auth).expect(200);
    expect(unverified.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: original.body.id, duplicateOf: null }),
        expect.objectContaining({ id: copy.body.id, duplicateOf: original.body.id }),
      ]),
    );

    const cast = await createCast(t, { judges: 3, teams: [] });
    const affiliated = await addExpert(t, admin, { affiliationOrgId: original.body.id });
    const team = await createTeamBid(t, cast.challengeId, { members: [bidder], orgId: copy.body.id, quotedPriceFen: 100 });
    // the draw leaves the judge out of the pool for the same reason
    const draw = await t
      .http()
      .post('/api/rooms/draws')
      .set(admin.auth)
      .send({ challengeId: cast.challengeId, size: 3, fields: ['智能制造'], alternates: 0 })
      .expect(201);
    expect(draw.body.exclusions).toEqual([{ userId: affiliated.id, reasons: [{ reason: 'SAME_ORGANISATION', bidId: team.bidId }] }]);
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: [cast.judges[0].id, cast.judges[1].id, affiliated.id],
      chairUserId: cast.judges[0].id,
      bids: [slot(team.bidId)],
      objectionWindowMinutes: 60,
      warningsAcknowledged: '测试：该机构尚未认证，已核实',
    });
    const declarations = await t.http().get(`/api/rooms/${roomId}/declarations`).set(admin.auth).expect(200);
    expect(declarations.body).toEqual([
      expect.objectContaining({ judgeId: affiliated.id, bidId: team.bidId, conflict: true, automatic: true, reason: 'SAME_ORGANISATION' }),
    ]);
  });

  it('warns the bureau of unverified organisations and near matches, and convenes with them only with a reason, kept in room.convened', async () => {
    const registrar = await register(t);
    const university = await createOrg(registrar, '云南师范大学').expect(201);
    await t.http().post(`/api/orgs/${university.body.id}/verify`).set(admin.auth).expect(200);
    const campus = await createOrg(registrar, '云南师范大学商学院').expect(201); // unverified, and contains the university's name
    const cast = await createCast(t, { judges: 2, teams: [] });
    const near = await addExpert(t, admin, { affiliationOrgId: university.body.id });
    const solo = await createTeamBid(t, cast.challengeId, { members: [await register(t)], quotedPriceFen: 100 });
    const onCampus = await createTeamBid(t, cast.challengeId, { members: [await register(t)], orgId: campus.body.id, quotedPriceFen: 200 });
    const judgeIds = [cast.judges[0].id, cast.judges[1].id, near.id];

    const expected = [
      { kind: 'TEAM_WITHOUT_ORGANISATION', bidId: solo.bidId, teamId: solo.teamId, teamName: solo.name },
      { kind: 'TEAM_ORGANISATION_UNVERIFIED', bidId: onCampus.bidId, teamId: onCampus.teamId, teamName: onCampus.name, orgId: campus.body.id, orgName: '云南师范大学商学院' },
      {
        kind: 'AFFILIATION_NEAR_MATCH',
        judgeId: near.id,
        bidId: onCampus.bidId,
        reason: 'NAME_CONTAINED',
        affiliationOrgId: university.body.id,
        affiliationName: '云南师范大学',
        teamOrgId: campus.body.id,
        teamOrgName: '云南师范大学商学院',
      },
    ];
    const check = await t
      .http()
      .get(`/api/rooms/convening-check?challengeId=${cast.challengeId}&judgeIds=${judgeIds.join(',')}`)
      .set(admin.auth)
      .expect(200);
    expect(check.body).toEqual({ warnings: expected, acknowledgementRequired: true });
    const teamsOnly = await t.http().get(`/api/rooms/convening-check?challengeId=${cast.challengeId}`).set(admin.auth).expect(200);
    expect(teamsOnly.body.warnings).toEqual(expected.slice(0, 2));
    await t.http().get(`/api/rooms/convening-check?challengeId=${cast.challengeId}`).set(cast.judges[0].auth).expect(403);
    await t.http().get(`/api/rooms/convening-check?challengeId=${cast.challengeId}&judgeIds=nope`).set(admin.auth).expect(400);

    const input = {
      challengeId: cast.challengeId,
      judgeIds,
      chairUserId: cast.judges[0].id,
      handPickedReason: '测试：指定评审专家',
      bids: [slot(solo.bidId), slot(onCampus.bidId)],
      objectionWindowMinutes: 60,
    };
    const refused = await t.http().post('/api/rooms').set(admin.auth).send(input).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONVENING_WARNINGS', details: { warnings: expected } });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM evaluation_room WHERE challenge_id = $1`, [cast.challengeId]);
    expect(n).toBe(0);

    const reason = '评审办已核实：商学院为独立法人，与该专家无利害关系';
    const { roomId, body } = await conveneRoom(t, admin, { ...input, warningsAcknowledged: reason });
    expect(body.conveningWarnings).toEqual(expected);
    const [convening] = await t.dataSource.query(`SELECT payload FROM room_audit WHERE room_id = $1 AND action = 'room.convened'`, [roomId]);
    expect(convening.payload).toMatchObject({ warnings: expected, warningsAcknowledged: reason, automaticRecusals: [] });
  });

  it('convenes without an acknowledgement when the only warnings are teams without an organisation', async () => {
    const cast = await createCast(t, { judges: 3, teams: [{ name: '独立团队', quotedPriceFen: 100 }] });
    const { body } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      chairUserId: cast.judges[0].id,
      bids: [slot(cast.teams[0].bidId)],
      objectionWindowMinutes: 60,
    });
    expect(body.conveningWarnings).toEqual([expect.objectContaining({ kind: 'TEAM_WITHOUT_ORGANISATION', bidId: cast.teams[0].bidId })]);
  });
});
