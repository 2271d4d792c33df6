import { startTestApp, TestApp } from '../../../../test/support/app';
import type { TestDatabase } from '../../../../test/support/database';
import { bidInput, closeBidding, createTeam, insertChallenge, submitBid } from '../../../../test/support/bidding';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { BiddingAppModule } from '../bidding-app.module';
import { IdempotencyService, MAX_KEPT_ANSWER_BYTES } from './idempotency.service';

describe('Idempotency-Key on bid creation and revision (integration)', () => {
  let t: TestApp & { database: TestDatabase };
  let owner: TestUser & { orgId: string };
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context) });
    owner = await registerEnterprise(t, await loginAdmin(t));
  });
  afterAll(() => t.close());

  async function scenario() {
    const lead = await register(t, 'lead');
    const team = await createTeam(t, lead);
    const challengeId = await insertChallenge(t, owner.orgId);
    return { lead, team, challengeId };
  }

  const rows = async (table: 'bid' | 'bid_revision', challengeId: string): Promise<number> =>
    (
      await t.dataSource.query(
        table === 'bid'
          ? 'SELECT count(*)::int AS n FROM bid WHERE challenge_id = $1'
          : 'SELECT count(*)::int AS n FROM bid_revision r JOIN bid b ON b.id = r.bid_id WHERE b.challenge_id = $1',
        [challengeId],
      )
    )[0].n;

  it('replays the first answer to a retry with the same key and body', async () => {
    const { lead, team, challengeId } = await scenario();
    const body = bidInput(team.id, lead);
    const first = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'create-1').send(body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Same body with its keys in another order: the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'create-1').send(reordered).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await rows('bid', challengeId)).toBe(1);

    // A revision retried: one new revision, not two.
    const { teamId: _teamId, ...terms } = bidInput(team.id, lead, { quotedPriceFen: 40_000_000 });
    const revised = await t.http().put(`/api/bids/${first.body.id}`).set(lead.auth).set('Idempotency-Key', 'revise-1').send(terms).expect(200);
    const again = await t.http().put(`/api/bids/${first.body.id}`).set(lead.auth).set('Idempotency-Key', 'revise-1').send(terms).expect(200);
    expect(again.body).toEqual(revised.body);
    expect(again.body.revision).toBe(2);
    expect(await rows('bid_revision', challengeId)).toBe(2);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED to the same key with another body, another bid or another route', async () => {
    const { lead, team, challengeId } = await scenario();
    const bid = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'k-1').send(bidInput(team.id, lead)).expect(201);
    const other = await t
      .http()
      .post(`/api/challenges/${challengeId}/bids`)
      .set(lead.auth)
      .set('Idempotency-Key', 'k-1')
      .send(bidInput(team.id, lead, { quotedPriceFen: 1 }))
      .expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const { teamId: _teamId, ...terms } = bidInput(team.id, lead);
    const otherRoute = await t.http().put(`/api/bids/${bid.body.id}`).set(lead.auth).set('Idempotency-Key', 'k-1').send(terms).expect(422);
    expect(otherRoute.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await rows('bid_revision', challengeId)).toBe(1);
    // Keys belong to their user: someone else's k-1 is a key of its own.
    const stranger = await register(t, 'stranger');
    const strangerTeam = await createTeam(t, stranger);
    await t.http().post(`/api/challenges/${challengeId}/bids`).set(stranger.auth).set('Idempotency-Key', 'k-1').send(bidInput(strangerTeam.id, stranger)).expect(201);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS to a retry while the first request is still running', async () => {
    const { lead, team, challengeId } = await scenario();
    const body = bidInput(team.id, lead);
    // Hold the challenge row so the first request waits inside its transaction.
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('SELECT 1 FROM challenge WHERE id = $1 FOR UPDATE', [challengeId]);
    const first: Promise<{ status: number; body: { id: string } }> = Promise.resolve(
      t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'slow-1').send(body),
    );
    try {
      // Wait until the first request has claimed its key and is waiting for the lock.
      for (let i = 0; i < 500; i += 1) {
        const waiting: unknown[] = await t.dataSource.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'`,
        );
        if (waiting.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const [claim] = await t.dataSource.query(`SELECT state FROM idempotency_key WHERE user_id = $1 AND key = 'slow-1'`, [lead.id]);
      expect(claim.state).toBe('IN_PROGRESS');
      const retry = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'slow-1').send(body).expect(409);
      expect(retry.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const done = await first;
    expect(done.status).toBe(201);
    const replay = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'slow-1').send(body).expect(201);
    expect(replay.body.id).toBe(done.body.id);
    expect(await rows('bid', challengeId)).toBe(1);
  });

  it('stores a 4xx answer and replays it, even after the conditions changed', async () => {
    const { lead, team, challengeId } = await scenario();
    await submitBid(t, lead, challengeId, team.id);
    const body = bidInput(team.id, lead);
    const conflict = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'dup-1').send(body).expect(409);
    expect(conflict.body.code).toBe('BID_ALREADY_EXISTS');
    const replay = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'dup-1').send(body).expect(409);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect({ ...replay.body, requestId: undefined }).toEqual({ ...conflict.body, requestId: undefined });

    const invalid = { ...body, quotedPriceFen: 'lots' };
    const bad = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'bad-1').send(invalid).expect(400);
    const badAgain = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'bad-1').send(invalid).expect(400);
    expect(badAgain.body.details).toEqual(bad.body.details);

    await closeBidding(t, challengeId);
    const stored = await t.dataSource.query(`SELECT state, response_status FROM idempotency_key WHERE user_id = $1 ORDER BY key`, [lead.id]);
    expect(stored).toEqual([
      { state: 'DONE', response_status: 400 },
      { state: 'DONE', response_status: 409 },
    ]);
  });

  it('runs again after an unexpected failure released the key', async () => {
    const { lead, team, challengeId } = await scenario();
    const body = bidInput(team.id, lead);
    // Make the write fail unexpectedly (a 500): a trigger refusing bid inserts for this challenge.
    await t.dataSource.query(`
      CREATE FUNCTION test_refuse_bid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
      CREATE TRIGGER test_refuse_bid BEFORE INSERT ON bid FOR EACH ROW WHEN (NEW.challenge_id = '${challengeId}') EXECUTE FUNCTION test_refuse_bid();`);
    try {
      await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'flaky-1').send(body).expect(500);
      expect(await t.dataSource.query(`SELECT 1 FROM idempotency_key WHERE user_id = $1 AND key = 'flaky-1'`, [lead.id])).toEqual([]);
    } finally {
      await t.dataSource.query('DROP TRIGGER test_refuse_bid ON bid; DROP FUNCTION test_refuse_bid();');
    }
    await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'flaky-1').send(body).expect(201);
  });

  it('takes over a key whose first request was abandoned (its process died)', async () => {
    const { lead, team, challengeId } = await scenario();
    const body = bidInput(team.id, lead);
    await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'orphan-1').send(body).expect(201);
    // Pretend the process died before storing its answer, long ago.
    await t.dataSource.query(
      `UPDATE idempotency_key SET state = 'IN_PROGRESS', response_status = NULL, response_body = NULL, created_at = now() - interval '1 hour'
        WHERE user_id = $1 AND key = 'orphan-1'`,
      [lead.id],
    );
    const retry = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'orphan-1').send(body).expect(409);
    expect(retry.body.code).toBe('BID_ALREADY_EXISTS');
    expect(await rows('bid', challengeId)).toBe(1);
  });

  it('keeps a refused request\'s answer small, whatever the body held', async () => {
    const { lead, team, challengeId } = await scenario();
    const milestones = Array.from({ length: 500 }, () => ({ title: 1, dueDay: 'x', deliverable: [], paymentBasisPoints: -1, extra: true }));
    const res = await t
      .http()
      .post(`/api/challenges/${challengeId}/bids`)
      .set(lead.auth)
      .set('Idempotency-Key', 'many-1')
      .send({ ...bidInput(team.id, lead), milestones })
      .expect(400);
    expect(res.body.details).toHaveLength(20);
    expect(res.body.detailsOmitted).toBeGreaterThan(2000);
    const [stored] = await t.dataSource.query(`SELECT octet_length(response_body::text) AS bytes FROM idempotency_key WHERE user_id = $1 AND key = 'many-1'`, [
      lead.id,
    ]);
    expect(stored.bytes).toBeLessThan(8 * 1024);
  });

  it('hashes form bodies as JSON ones and refuses at its field what JSON cannot carry exactly, before validation', async () => {
    const { lead, team, challengeId } = await scenario();
    const url = `/api/challenges/${challengeId}/bids`;
    const form = await t.http().post(url).set(lead.auth).set('Idempotency-Key', 'form-1').type('form').send({ teamId: team.id, proposal: 'x' }).expect(400);
    expect(form.body.details.map((d: { field: string }) => d.field)).toContain('technicalApproach');
    const huge = await t
      .http()
      .post(url)
      .set(lead.auth)
      .set('Idempotency-Key', 'huge-number-1')
      .set('content-type', 'application/json')
      .send(JSON.stringify(bidInput(team.id, lead)).replace('"quotedPriceFen":48000000', '"quotedPriceFen":1e400'))
      .expect(400);
    expect(huge.body.details).toEqual([{ field: 'quotedPriceFen', messages: ['quotedPriceFen is not a value JSON carries exactly: Infinity'] }]);
    expect(await rows('bid', challengeId)).toBe(0);
  });

  it('records an answer too large to keep by its status only, and says so to a retry', async () => {
    const { lead, team, challengeId } = await scenario();
    const idempotency = t.app.get(IdempotencyService);
    const claim = { userId: lead.id, key: 'huge-1', scope: 'POST /api/things', requestHash: 'h'.repeat(64) };
    expect(await idempotency.begin(claim)).toEqual({ run: true });
    await idempotency.complete(claim, 201, { proposal: 'x'.repeat(MAX_KEPT_ANSWER_BYTES) });
    const [row] = await t.dataSource.query(`SELECT state, response_status, response_body IS NULL AS bare FROM idempotency_key WHERE user_id = $1 AND key = 'huge-1'`, [
      lead.id,
    ]);
    expect(row).toEqual({ state: 'DONE', response_status: 201, bare: true });
    await expect(idempotency.begin(claim)).rejects.toMatchObject({ code: 'IDEMPOTENCY_ANSWER_NOT_KEPT', details: { status: 201 } });

    // Over HTTP: the retry is a 409 that tells what the first answer was, and nothing runs twice.
    const body = bidInput(team.id, lead);
    await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'huge-2').send(body).expect(201);
    await t.dataSource.query(`UPDATE idempotency_key SET response_body = NULL WHERE user_id = $1 AND key = 'huge-2'`, [lead.id]);
    const retry = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'huge-2').send(body).expect(409);
    expect(retry.body).toMatchObject({ code: 'IDEMPOTENCY_ANSWER_NOT_KEPT', details: { status: 201 } });
    expect(await rows('bid', challengeId)).toBe(1);
  });

  it('forgets keys older than IDEMPOTENCY_RETENTION_HOURS, pruning at start and then periodically', async () => {
    const { lead, team, challengeId } = await scenario();
    const body = bidInput(team.id, lead);
    await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'old-1').send(body).expect(201);
    const { teamId: _teamId, ...terms } = body;
    const [{ id: bidId }] = await t.dataSource.query('SELECT id FROM bid WHERE challenge_id = $1', [challengeId]);
    await t.http().put(`/api/bids/${bidId}`).set(lead.auth).set('Idempotency-Key', 'recent-1').send(terms).expect(200);
    await t.dataSource.query(
      `UPDATE idempotency_key SET created_at = now() - CASE key WHEN 'old-1' THEN interval '3 hours' ELSE interval '1 hour' END WHERE user_id = $1`,
      [lead.id],
    );
    const keys = async () => (await t.dataSource.query('SELECT key FROM idempotency_key WHERE user_id = $1 ORDER BY key', [lead.id])).map((r: { key: string }) => r.key);
    // Another instance starting on the same database prunes at once.
    const other = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context), database: t.database, env: { IDEMPOTENCY_RETENTION_HOURS: '2' } });
    try {
      for (let i = 0; i < 200 && (await keys()).includes('old-1'); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await keys()).toEqual(['recent-1']);
    } finally {
      await other.close();
    }
    // A retry with the forgotten key runs again (and meets the bid it made the first time).
    const retry = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).set('Idempotency-Key', 'old-1').send(body).expect(409);
    expect(retry.body.code).toBe('BID_ALREADY_EXISTS');
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['201 characters long', 'x'.repeat(201)],
    ['with a space', 'has space'],
    ['not ASCII', '揭榜'],
  ])('refuses a key that is %s with 400 on the header', async (_, key) => {
    const { lead, team, challengeId } = await scenario();
    const res = await t
      .http()
      .post(`/api/challenges/${challengeId}/bids`)
      .set(lead.auth)
      .set('Idempotency-Key', encodeURIComponent(key) === key ? key : Buffer.from(key).toString('latin1'))
      .send(bidInput(team.id, lead))
      .expect(400);
    expect(res.body.details[0].field).toBe('Idempotency-Key');
    expect(await rows('bid', challengeId)).toBe(0);
  });
});
