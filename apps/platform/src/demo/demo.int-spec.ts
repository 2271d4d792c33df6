import { configureEvaluation } from '@app/evaluation';
import { startTestApp, TestApp } from '../../../../test/support/app';
import type { TestDatabase } from '../../../../test/support/database';
import { RoomClient } from '../../../../test/support/evaluation';
import { login, register } from '../../../../test/support/users';
import { PlatformModule } from '../platform.module';
import { DEMO_ENTERPRISE_EMAIL, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/** The platform as npm start runs it, with the demo switched on (tests otherwise run with DEMO_DATA=false). */
const demoApp = (options: { database?: TestDatabase; demo?: boolean } = {}) =>
  startTestApp({
    module: (context) => PlatformModule.forRoot(context),
    configure: configureEvaluation,
    env: { DEMO_DATA: options.demo === false ? 'false' : 'true' },
    listen: true,
    ...(options.database ? { database: options.database } : {}),
  });

/** Row counts of the tables the demo writes, to compare two starts. */
async function counts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['user_account', 'organisation', 'expert', 'team', 'team_member', 'team_invitation', 'challenge', 'challenge_question', 'nda_acceptance', 'bid', 'evaluation_room', 'room_score', 'outbox_event'];
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [{ count }]: { count: number }[] = await t.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
    result[table] = count;
  }
  return result;
}

describe('the demo marketplace', () => {
  let t: TestApp & { database: TestDatabase };

  beforeAll(async () => {
    t = await demoApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a verified enterprise whose login works', async () => {
    const enterprise = await login(t, DEMO_ENTERPRISE_EMAIL, DEMO_PASSWORD);
    const me = await t.http().get('/api/auth/me').set(enterprise.auth);
    expect(me.status).toBe(200);
    expect(me.body.enterpriseOrgIds).toHaveLength(1);
    expect(me.body.organisations).toEqual([expect.objectContaining({ kind: 'ENTERPRISE', verified: true })]);
  });

  it('has every team member who is not its creator joined by accepting an invitation, joined at the acceptance', async () => {
    const rows: { consented: boolean }[] = await t.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM team_invitation i WHERE i.team_id = m.team_id AND i.invitee_id = m.user_id
                        AND i.status = 'ACCEPTED' AND i.decided_at = m.joined_at) AS consented
         FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.user_id <> t.created_by`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.consented)).toBe(true);
  });

  it('signs every demo login in with the printed password', async () => {
    for (const user of DEMO_USERS) await login(t, user.email, DEMO_PASSWORD);
  });

  it('has submitted, published, closed, evaluating and awarded challenges, all of the demo enterprise', async () => {
    const rows: { status: string; orgs: number }[] = await t.dataSource.query(
      `SELECT status, count(DISTINCT org_id)::int AS orgs FROM challenge GROUP BY status ORDER BY status`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, r.orgs]))).toEqual({ AWARDED: 1, CLOSED: 1, EVALUATING: 1, PUBLISHED: 1, SUBMITTED: 1 });
    const statuses: { status: string; count: number }[] = await t.dataSource.query(`SELECT status, count(*)::int AS count FROM challenge GROUP BY status`);
    expect(statuses.find((s) => s.status === 'PUBLISHED')?.count).toBe(2);
    // The public list shows them as any visitor sees them (the submitted one stays with the bureau).
    const list = await t.http().get('/api/challenges');
    expect(list.status).toBe(200);
    const listed = (list.body.items as { status: string }[]).map((c) => c.status).sort();
    expect(listed).toEqual(['AWARDED', 'CLOSED', 'EVALUATING', 'PUBLISHED', 'PUBLISHED']);
  });

  it('has three teams, one of them abroad, and five experts', async () => {
    const teams: { country: string }[] = await t.dataSource.query(`SELECT country FROM team ORDER BY country`);
    expect(teams.map((r) => r.country)).toEqual(['CN', 'CN', 'NL']);
    const [{ experts }]: { experts: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS experts FROM expert e JOIN user_account u ON u.id = e.user_id WHERE 'JUDGE' = ANY(u.roles)`,
    );
    expect(experts).toBe(5);
  });

  it('awarded its challenge through a finalised room whose record verifies', async () => {
    const [room]: { id: string; challenge_id: string }[] = await t.dataSource.query(`SELECT id, challenge_id FROM evaluation_room WHERE status = 'FINALIZED'`);
    const challenge = await t.http().get(`/api/challenges/${room.challenge_id}`);
    expect(challenge.body.status).toBe('AWARDED');
    const bids: { status: string; country: string }[] = await t.dataSource.query(
      `SELECT b.status, t.country FROM bid b JOIN team t ON t.id = b.team_id WHERE b.challenge_id = $1 ORDER BY b.status`,
      [room.challenge_id],
    );
    expect(bids).toEqual([
      { status: 'AWARDED', country: 'NL' },
      { status: 'NOT_AWARDED', country: 'CN' },
      { status: 'NOT_AWARDED', country: 'CN' },
    ]);
    const verify = await t.http().get(`/api/rooms/${room.id}/audit/verify`);
    expect(verify.status).toBe(200);
    expect(verify.body.valid).toBe(true);
  });

  it('has a convened room whose declarations are complete, and its chair can open it', async () => {
    const [room]: { id: string }[] = await t.dataSource.query(`SELECT id FROM evaluation_room WHERE status = 'CONVENED'`);
    const chair = await login(t, 'judge1@demo.jiebang.cn', DEMO_PASSWORD);
    const snapshot = await t.http().get(`/api/rooms/${room.id}`).set(chair.auth);
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.chairUserId).toBe(chair.id);
    expect(snapshot.body.panel).toHaveLength(5);
    expect((snapshot.body.panel as { declared: boolean }[]).every((p) => p.declared)).toBe(true);
    const declarations = await t.http().get(`/api/rooms/${room.id}/declarations`).set(chair.auth);
    const conflicts = (declarations.body as { conflict: boolean; automatic: boolean }[]).filter((d) => d.conflict);
    expect(conflicts.map((d) => d.automatic).sort()).toEqual([false, true]);

    const second = await demoApp({ database: t.database });
    try {
      expect(await counts(second)).toEqual(await counts(t));
    } finally {
      await second.close();
    }

    const client = await RoomClient.connect(t.url, chair.token);
    try {
      await client.ok('room:join', { roomId: room.id });
      await client.ok('room:open', { roomId: room.id, opId: 'test-open' });
    } finally {
      client.close();
    }
  });

  it('leaves a database that already holds data alone', async () => {
    const other = await demoApp({ demo: false });
    try {
      await register(other, 'someone');
      const again = await demoApp({ database: other.database });
      await again.close();
      const [{ count }]: { count: number }[] = await other.dataSource.query(`SELECT count(*)::int AS count FROM user_account WHERE email LIKE '%@demo.jiebang.%'`);
      expect(count).toBe(0);
    } finally {
      await other.close();
    }
  });
});
