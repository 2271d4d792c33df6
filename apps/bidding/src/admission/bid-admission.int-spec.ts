import { request as httpRequest } from 'node:http';
import { createDataSource } from '@app/database';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { bidInput, createTeam, insertChallenge } from '../../../../test/support/bidding';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { until } from '../../../../test/support/wait';
import { BiddingAppModule } from '../bidding-app.module';
import { bidWriteLimit, BidWriteGate } from './bid-admission.middleware';

/**
 * The bid writes go through a first-come, first-served admission of bidWriteLimit places. With a
 * pool of 2 there is one place: while the test holds the challenge row, one submission waits in the
 * database and every other one waits in the gate, and they are then decided in the order they came.
 */
describe('admission of bid writes (integration)', () => {
  let t: TestApp & { database: { url: string } };
  let owner: TestUser & { orgId: string };
  /** The test's own connections (the app's pool of 2 is what is under test). */
  let observer: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context), listen: true, env: { DATABASE_POOL_SIZE: '2' } });
    owner = await registerEnterprise(t, await loginAdmin(t));
    observer = createDataSource({ url: t.database.url, poolSize: 3 });
    await observer.initialize();
  });
  afterAll(async () => {
    await observer.destroy();
    await t.close();
  });

  const waitingOnTheChallenge = async (): Promise<number> =>
    Number(
      (
        await observer.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM challenge WHERE id = $1 FOR SHARE%'`,
        )
      )[0].n,
    );

  /** A raw POST, so the test can also walk away from one before it is answered. */
  function post(path: string, user: TestUser, body: unknown) {
    const text = JSON.stringify(body);
    const url = new URL(t.url);
    let abort = () => undefined as void;
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path, method: 'POST', headers: { ...user.auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      abort = () => void req.destroy();
      req.end(text);
    });
    return { answered, abort: () => abort() };
  }

  it('lets one write in per free place and the rest in arrival order; one who leaves the queue is dropped', async () => {
    expect(bidWriteLimit(2)).toBe(1);
    const challengeId = await insertChallenge(t, owner.orgId);
    const leads: TestUser[] = [];
    const teams: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const lead = await register(t, `gate${i}`);
      leads.push(lead);
      teams.push((await createTeam(t, lead)).id);
    }
    const blocker = observer.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('SELECT 1 FROM challenge WHERE id = $1 FOR UPDATE', [challengeId]);
    const gate = t.app.get(BidWriteGate);
    const sent: ReturnType<typeof post>[] = [];
    try {
      for (const [i, lead] of leads.entries()) {
        sent.push(post(`/api/challenges/${challengeId}/bids`, lead, bidInput(teams[i], lead)));
        // The first reaches the database; each next one is in the gate's queue before the one after it is sent.
        if (i === 0) await until(async () => (await waitingOnTheChallenge()) === 1, 5000, 'the first write to wait on the challenge row');
        else await until(() => gate.waiting === i, 5000, `write ${i} to queue in the gate`);
      }
      // Four in the queue and still only one in the database: the gate holds them back.
      expect(await waitingOnTheChallenge()).toBe(1);
      sent[2].abort();
      await expect(sent[2].answered).rejects.toThrow();
      await until(() => gate.waiting === 3, 5000, 'the one who left to leave the queue');
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const statuses = await Promise.all([0, 1, 3, 4].map((i) => sent[i].answered));
    expect(statuses).toEqual([201, 201, 201, 201]);
    const stored: { team_id: string }[] = await t.dataSource.query('SELECT team_id FROM bid WHERE challenge_id = $1 ORDER BY received_at', [challengeId]);
    expect(stored.map((row) => row.team_id)).toEqual([teams[0], teams[1], teams[3], teams[4]]);
  });
});
