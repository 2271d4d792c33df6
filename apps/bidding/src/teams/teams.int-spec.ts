import { startTestApp, TestApp } from '../../../../test/support/app';
import { addTeamMember, createTeam } from '../../../../test/support/bidding';
import { loginAdmin, randomCreditCode, register, TestUser } from '../../../../test/support/users';
import { BiddingAppModule } from '../bidding-app.module';

describe('teams (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context) });
  });
  afterAll(() => t.close());

  const periods = async (teamId: string) =>
    (await t.dataSource.query('SELECT user_id, role, left_at FROM team_member WHERE team_id = $1 ORDER BY joined_at, id', [teamId])) as {
      user_id: string;
      role: string;
      left_at: Date | null;
    }[];

  it('lets any signed-in user create a team from any country, as its first lead', async () => {
    const lead = await register(t, 'lead', 'Anna de Vries');
    const res = await t.http().post('/api/teams').set(lead.auth).send({ name: 'TU Delft Sensor Lab', kind: 'UNIVERSITY_LAB', country: 'NL' }).expect(201);
    expect(res.body).toMatchObject({
      name: 'TU Delft Sensor Lab',
      kind: 'UNIVERSITY_LAB',
      country: 'NL',
      orgId: null,
      myRole: 'LEAD',
      members: [{ userId: lead.id, role: 'LEAD', displayName: 'Anna de Vries', email: lead.email }],
    });
    await t.http().post('/api/teams').send({ name: 'Anonymous', kind: 'COMPANY', country: 'CN' }).expect(401);
  });

  it('refuses bad input field by field, writing nothing', async () => {
    const user = await register(t);
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM team'))[0].n;
    const res = await t.http().post('/api/teams').set(user.auth).send({ name: 'X', kind: 'GUILD', country: 'cn', leader: user.id }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['country', 'kind', 'leader', 'name']);
    const country = await t.http().post('/api/teams').set(user.auth).send({ name: 'Nowhere Lab', kind: 'COMPANY', country: 'QQ' }).expect(400);
    expect(country.body.details).toEqual([{ field: 'country', messages: ['is not an ISO 3166-1 country code'] }]);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM team'))[0].n).toBe(before);
  });

  it('links a team to an organisation only its creator belongs to', async () => {
    const user = await register(t);
    const other = await register(t);
    const org = await t
      .http()
      .post('/api/orgs')
      .set(other.auth)
      .send({ name: '昆明理工大学', kind: 'UNIVERSITY', country: 'CN', creditCode: randomCreditCode() })
      .expect(201);
    const refused = await t.http().post('/api/teams').set(user.auth).send({ name: '冒名团队', kind: 'UNIVERSITY_LAB', country: 'CN', orgId: org.body.id }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'orgId', messages: ['must be an organisation you are a member of'] }]);
    const team = await createTeam(t, other, { orgId: org.body.id, kind: 'UNIVERSITY_LAB' });
    const read = await t.http().get(`/api/teams/${team.id}`).set(user.auth).expect(200);
    expect(read.body).toMatchObject({ orgId: org.body.id, orgName: '昆明理工大学' });
  });

  it('lets a lead invite registered users by email as LEAD or MEMBER; they join only by accepting', async () => {
    const lead = await register(t, 'lead');
    const member = await register(t, 'member', '王芳');
    const team = await createTeam(t, lead);
    const invited = await t.http().post(`/api/teams/${team.id}/members`).set(lead.auth).send({ email: member.email.toUpperCase(), role: 'MEMBER' }).expect(201);
    expect(invited.body).toMatchObject({ kind: 'TEAM', teamId: team.id, orgId: null, role: 'MEMBER', inviteeId: member.id, invitedById: lead.id, status: 'PENDING' });
    const pending = await t.http().get(`/api/teams/${team.id}`).set(lead.auth).expect(200);
    expect(pending.body.members.map((m: { userId: string }) => m.userId)).toEqual([lead.id]);

    const twice = await t.http().post(`/api/teams/${team.id}/members`).set(lead.auth).send({ email: member.email, role: 'LEAD' }).expect(409);
    expect(twice.body.code).toBe('ALREADY_INVITED');
    await t.http().post(`/api/invitations/${invited.body.id}/accept`).set(member.auth).expect(200);
    const joined = await t.http().get(`/api/teams/${team.id}`).set(lead.auth).expect(200);
    expect(joined.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [lead.id, 'LEAD'],
      [member.id, 'MEMBER'],
    ]);
    const already = await t.http().post(`/api/teams/${team.id}/members`).set(lead.auth).send({ email: member.email, role: 'LEAD' }).expect(409);
    expect(already.body.code).toBe('ALREADY_MEMBER');
    const unknown = await t.http().post(`/api/teams/${team.id}/members`).set(lead.auth).send({ email: 'nobody@example.org', role: 'MEMBER' }).expect(404);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
    const byMember = await t.http().post(`/api/teams/${team.id}/members`).set(member.auth).send({ email: lead.email, role: 'MEMBER' }).expect(403);
    expect(byMember.body.code).toBe('NOT_TEAM_LEAD');
    const badRole = await t.http().post(`/api/teams/${team.id}/members`).set(lead.auth).send({ email: member.email, role: 'OWNER' }).expect(400);
    expect(badRole.body.details[0].field).toBe('role');
  });

  it('shows emails to members and admins only', async () => {
    const lead = await register(t, 'lead');
    const stranger = await register(t, 'stranger');
    const admin = await loginAdmin(t);
    const team = await createTeam(t, lead);
    const asStranger = await t.http().get(`/api/teams/${team.id}`).set(stranger.auth).expect(200);
    expect(asStranger.body.members[0]).toEqual({ userId: lead.id, displayName: expect.any(String), role: 'LEAD', joinedAt: expect.any(String) });
    expect(JSON.stringify(asStranger.body)).not.toContain(lead.email);
    expect(asStranger.body.myRole).toBeNull();
    const asAdmin = await t.http().get(`/api/teams/${team.id}`).set(admin.auth).expect(200);
    expect(asAdmin.body.members[0].email).toBe(lead.email);
    await t.http().get('/api/teams/5b0f6f9e-8c8e-4c55-9a3e-2f2b8e6f0c11').set(stranger.auth).expect(404);
    const badId = await t.http().get('/api/teams/not-a-uuid').set(stranger.auth).expect(400);
    expect(badId.body.details).toEqual([{ field: 'id', messages: ['must be a UUID'] }]);
  });

  it('lists my teams with my role, and the directory by name', async () => {
    const lead = await register(t, 'lead');
    const member = await register(t, 'member');
    const mine = await createTeam(t, lead, { name: '滇池水质监测课题组', members: [member] });
    await createTeam(t, member, { name: `Other ${mine.id}` });
    const asMember = await t.http().get('/api/teams?mine=true').set(member.auth).expect(200);
    expect(asMember.body.map((x: { id: string; myRole: string }) => x.myRole).sort()).toEqual(['LEAD', 'MEMBER']);
    expect(asMember.body.find((x: { id: string }) => x.id === mine.id)).toMatchObject({ memberCount: 2, myRole: 'MEMBER' });
    const search = await t.http().get(`/api/teams?q=${encodeURIComponent('水质监测')}`).set(lead.auth).expect(200);
    expect(search.body.map((x: { id: string }) => x.id)).toContain(mine.id);
    const percent = await t.http().get('/api/teams?q=%25').set(lead.auth).expect(200);
    expect(percent.body.every((x: { name: string }) => x.name.includes('%'))).toBe(true);
    await t.http().get('/api/teams?mine=maybe').set(lead.auth).expect(400);
  });

  it('removes members and lets members leave, keeping every period in the history', async () => {
    const lead = await register(t, 'lead');
    const second = await register(t, 'second');
    const member = await register(t, 'member');
    const other = await register(t, 'other');
    const team = await createTeam(t, lead, { members: [member, other] });

    const byMember = await t.http().delete(`/api/teams/${team.id}/members/${other.id}`).set(member.auth).expect(403);
    expect(byMember.body.code).toBe('NOT_TEAM_LEAD');
    await t.http().delete(`/api/teams/${team.id}/members/${member.id}`).set(member.auth).expect(204);
    await t.http().delete(`/api/teams/${team.id}/members/${other.id}`).set(lead.auth).expect(204);
    const gone = await t.http().delete(`/api/teams/${team.id}/members/${other.id}`).set(lead.auth).expect(404);
    expect(gone.body.code).toBe('MEMBER_NOT_FOUND');

    const last = await t.http().delete(`/api/teams/${team.id}/members/${lead.id}`).set(lead.auth).expect(409);
    expect(last.body.code).toBe('LAST_LEAD');
    await addTeamMember(t, lead, team.id, second, 'LEAD');
    await t.http().delete(`/api/teams/${team.id}/members/${lead.id}`).set(lead.auth).expect(204);

    // the member who left comes back: a new period, the old one kept
    await addTeamMember(t, second, team.id, member, 'MEMBER');
    const rows = await periods(team.id);
    expect(rows.map((r) => [r.user_id, r.role, r.left_at === null])).toEqual([
      [lead.id, 'LEAD', false],
      [member.id, 'MEMBER', false],
      [other.id, 'MEMBER', false],
      [second.id, 'LEAD', true],
      [member.id, 'MEMBER', true],
    ]);

    const history = await t.http().get(`/api/teams/${team.id}/history`).set(second.auth).expect(200);
    expect(history.body).toHaveLength(5);
    expect(history.body[0]).toMatchObject({ userId: lead.id, role: 'LEAD', leftAt: expect.any(String) });
    const denied = await t.http().get(`/api/teams/${team.id}/history`).set(lead.auth).expect(403);
    expect(denied.body.code).toBe('NOT_TEAM_MEMBER');
  });

  it('never loses the last lead to two leads leaving at once', async () => {
    const a = await register(t, 'lead-a');
    const b = await register(t, 'lead-b');
    const team = await createTeam(t, a, { leads: [b] });
    const results = await Promise.all([
      t.http().delete(`/api/teams/${team.id}/members/${a.id}`).set(a.auth),
      t.http().delete(`/api/teams/${team.id}/members/${b.id}`).set(b.auth),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    const current = (await periods(team.id)).filter((r) => r.left_at === null);
    expect(current).toHaveLength(1);
    expect(current[0].role).toBe('LEAD');
  });
});

describe('teams: caps per user and adds by email (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      module: (context) => BiddingAppModule.forRoot(context),
      env: { MAX_TEAMS_PER_USER: '2', THROTTLE_MEMBER_LOOKUPS_PER_HOUR: '4' },
    });
  });
  afterAll(() => t.close());

  const addByEmail = (lead: TestUser, teamId: string, email: string) =>
    t.http().post(`/api/teams/${teamId}/members`).set(lead.auth).send({ email, role: 'MEMBER' });
  const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

  it('caps the teams one user creates (TEAM_LIMIT_REACHED), also when they are asked for at once', async () => {
    const user = await register(t);
    await createTeam(t, user);
    await createTeam(t, user);
    const third = await t.http().post('/api/teams').set(user.auth).send({ name: 'One too many', kind: 'COMPANY', country: 'CN' }).expect(409);
    expect(third.body).toMatchObject({ code: 'TEAM_LIMIT_REACHED', details: { limit: 2 } });
    const racer = await register(t);
    const answers = await Promise.all(
      [1, 2, 3].map((i) => t.http().post('/api/teams').set(racer.auth).send({ name: `Racing team ${i}`, kind: 'COMPANY', country: 'CN' })),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([201, 201, 409]);
  });

  it('counts every add by email per user, answered or refused, so nobody walks a list of addresses', async () => {
    const lead = await register(t, 'lead');
    const outsider = await register(t, 'outsider');
    const known = await register(t, 'known');
    const team = await createTeam(t, lead);
    // someone who is not a lead learns nothing: an account or none, the same refusal
    const forExisting = await addByEmail(outsider, team.id, known.email).expect(403);
    const forNobody = await addByEmail(outsider, team.id, `nobody.${known.email}`).expect(403);
    expect(comparable(forNobody.body)).toEqual(comparable(forExisting.body));

    await addByEmail(lead, team.id, `nobody.${known.email}`).expect(404);
    await addByEmail(lead, team.id, known.email).expect(201);
    await addByEmail(lead, team.id, known.email).expect(409);
    await addByEmail(lead, team.id, `nobody2.${known.email}`).expect(404);
    // the fifth within the hour is refused whatever the address
    const another = await register(t, 'another');
    for (const email of [another.email, `nobody3.${known.email}`]) {
      const refused = await addByEmail(lead, team.id, email).expect(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    }
    // other users keep their own allowance
    const otherLead = await register(t, 'lead');
    const otherTeam = await createTeam(t, otherLead);
    await addByEmail(otherLead, otherTeam.id, another.email).expect(201);
  });
});
