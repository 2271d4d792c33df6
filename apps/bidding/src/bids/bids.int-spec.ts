import { bidContentHash, bidsDigest, canonicalBidContent, receiptHash } from '@app/domain';
import { createHash } from 'node:crypto';
import { startTestApp, TestApp } from '../../../../test/support/app';
import {
  BidBody,
  bidInput,
  closeBidding,
  createTeam,
  insertChallenge,
  reopenBidding,
  submitBid,
} from '../../../../test/support/bidding';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { BiddingAppModule } from '../bidding-app.module';

describe('bids (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser & { orgId: string };
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => BiddingAppModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
  });
  afterAll(() => t.close());

  /** A lead with a team of three (lead, engineer, student) and an open challenge. */
  async function scenario(challenge: Parameters<typeof insertChallenge>[2] = {}) {
    const lead = await register(t, 'lead', '张磊');
    const engineer = await register(t, 'engineer', '李娜');
    const student = await register(t, 'student', '赵强');
    const team = await createTeam(t, lead, { members: [engineer, student] });
    const challengeId = await insertChallenge(t, owner.orgId, challenge);
    return { lead, engineer, student, team, challengeId };
  }

  const writes = async (challengeId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM bid WHERE challenge_id = $1) AS bids,
              (SELECT count(*)::int FROM bid_revision r JOIN bid b ON b.id = r.bid_id WHERE b.challenge_id = $1) AS revisions,
              (SELECT count(*)::int FROM outbox_event WHERE payload->>'challengeId' = $1::text) AS events`,
      [challengeId],
    );
    return row as { bids: number; revisions: number; events: number };
  };

  const events = async (bidId: string) =>
    (
      (await t.dataSource.query(`SELECT type, payload FROM outbox_event WHERE payload->>'bidId' = $1 ORDER BY id`, [bidId])) as {
        type: string;
        payload: Record<string, unknown>;
      }[]
    ).map((e) => ({ type: e.type, ...e.payload }));

  it('walks the whole path: create -> revise -> withdraw -> resubmit, every revision kept with its receipt', async () => {
    const { lead, engineer, team, challengeId } = await scenario();
    const first = await submitBid(t, lead, challengeId, team.id, { keyPersonnelUserIds: [lead.id, engineer.id] });
    expect(first).toMatchObject({
      challengeId,
      teamId: team.id,
      teamName: team.name,
      status: 'SUBMITTED',
      revision: 1,
      quotedPriceFen: 48_000_000,
      pledgedBy: lead.id,
      keyPersonnelUserIds: [lead.id, engineer.id],
      receipt: { bidId: first.id, revision: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });

    const { teamId: _teamId, ...terms } = bidInput(team.id, lead, { quotedPriceFen: 45_000_000, technicalApproach: '修订后的技术路线 v2' });
    const revised = await t.http().put(`/api/bids/${first.id}`).set(lead.auth).send(terms).expect(200);
    expect(revised.body).toMatchObject({ id: first.id, status: 'SUBMITTED', revision: 2, quotedPriceFen: 45_000_000 });
    expect(revised.body.receipt.contentHash).not.toBe(first.receipt.contentHash);

    const withdrawn = await t.http().post(`/api/bids/${first.id}/withdraw`).set(lead.auth).expect(200);
    expect(withdrawn.body).toMatchObject({ id: first.id, status: 'WITHDRAWN', revision: 2 });
    const again = await t.http().post(`/api/bids/${first.id}/withdraw`).set(lead.auth).expect(409);
    expect(again.body.code).toBe('BID_TRANSITION_FORBIDDEN');
    const reviseWithdrawn = await t.http().put(`/api/bids/${first.id}`).set(lead.auth).send(terms).expect(409);
    expect(reviseWithdrawn.body.code).toBe('BID_TRANSITION_FORBIDDEN');

    // Resubmitting brings the same bid back as revision 3.
    const resubmitted = await submitBid(t, lead, challengeId, team.id, { quotedPriceFen: 44_000_000 });
    expect(resubmitted).toMatchObject({ id: first.id, status: 'SUBMITTED', revision: 3, quotedPriceFen: 44_000_000 });
    const twice = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).send(bidInput(team.id, lead)).expect(409);
    expect(twice.body.code).toBe('BID_ALREADY_EXISTS');

    const revisions = await t.http().get(`/api/bids/${first.id}/revisions`).set(engineer.auth).expect(200);
    expect(revisions.body.map((r: { revision: number; content: { quotedPriceFen: number } }) => [r.revision, r.content.quotedPriceFen])).toEqual([
      [1, 48_000_000],
      [2, 45_000_000],
      [3, 44_000_000],
    ]);
    expect(revisions.body.map((r: { contentHash: string }) => r.contentHash)).toEqual([
      first.receipt.contentHash,
      revised.body.receipt.contentHash,
      resubmitted.receipt.contentHash,
    ]);
    expect(await events(first.id)).toEqual([
      { type: 'bid.submitted', bidId: first.id, challengeId, teamId: team.id, revision: 1 },
      { type: 'bid.submitted', bidId: first.id, challengeId, teamId: team.id, revision: 2 },
      { type: 'bid.withdrawn', bidId: first.id, challengeId, teamId: team.id },
      { type: 'bid.submitted', bidId: first.id, challengeId, teamId: team.id, revision: 3 },
    ]);
    const mine = await t.http().get('/api/bids?mine=true').set(engineer.auth).expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ id: first.id, challengeId, teamName: team.name, status: 'SUBMITTED', receipt: resubmitted.receipt })]);
    expect(mine.body[0]).not.toHaveProperty('proposal');
  });

  it('gives receipts anyone can recompute from the stored content, and a digest over the final ones', async () => {
    const { lead, team, challengeId } = await scenario();
    const bid = await submitBid(t, lead, challengeId, team.id, { proposal: 'caf\u0065\u0301 — 方案正文' });
    const otherLead = await register(t, 'other-lead');
    const otherTeam = await createTeam(t, otherLead);
    const otherBid = await submitBid(t, otherLead, challengeId, otherTeam.id);

    // 1. From the database: bid_revision.content is exactly what was hashed.
    const [stored] = await t.dataSource.query('SELECT content, content_hash FROM bid_revision WHERE bid_id = $1 AND revision = 1', [bid.id]);
    expect(receiptHash(canonicalBidContent(stored.content))).toBe(bid.receipt.contentHash);
    expect(stored.content_hash).toBe(bid.receipt.contentHash);
    expect(stored.content.proposal).toBe('caf\u00e9 — 方案正文');
    // 2. By hand, from what the team reads back: sorted keys, no whitespace, SHA-256.
    const revisions = await t.http().get(`/api/bids/${bid.id}/revisions`).set(lead.auth).expect(200);
    const content = revisions.body[0].content;
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]))
          : value;
    expect(createHash('sha256').update(JSON.stringify(sortKeys(content))).digest('hex')).toBe(bid.receipt.contentHash);
    expect(content).toEqual({
      challengeId,
      teamId: team.id,
      revision: 1,
      technicalApproach: bid.technicalApproach,
      proposal: 'caf\u00e9 — 方案正文',
      quotedPriceFen: bid.quotedPriceFen,
      durationDays: bid.durationDays,
      milestones: bid.milestones,
      keyPersonnelUserIds: [lead.id],
      pledgedBy: lead.id,
    });
    expect(bidContentHash(content)).toBe(bid.receipt.contentHash);

    // The digest is published only after closing.
    const early = await t.http().get(`/api/challenges/${challengeId}/bids/digest`).expect(409);
    expect(early.body.code).toBe('BIDDING_NOT_CLOSED');
    await closeBidding(t, challengeId);
    const digest = await t.http().get(`/api/challenges/${challengeId}/bids/digest`).expect(200);
    const receipts = [bid, otherBid].map((b) => ({ bidId: b.id, revision: b.revision, contentHash: b.receipt.contentHash }));
    expect(digest.body.receipts).toEqual([...receipts].sort((a, b) => (a.bidId < b.bidId ? -1 : 1)));
    const lines = [...receipts].sort((a, b) => (a.bidId < b.bidId ? -1 : 1)).map((r) => `${r.bidId}:${r.revision}:${r.contentHash}\n`);
    expect(digest.body.digest).toBe(createHash('sha256').update(lines.join('')).digest('hex'));

    // Any change of a final bid changes the digest: a revision (window reopened by the database clock) ...
    await reopenBidding(t, challengeId);
    const { teamId: _teamId, ...terms } = bidInput(team.id, lead, { quotedPriceFen: 47_000_000 });
    const revised = await t.http().put(`/api/bids/${bid.id}`).set(lead.auth).send(terms).expect(200);
    await closeBidding(t, challengeId);
    const afterRevision = await t.http().get(`/api/challenges/${challengeId}/bids/digest`).expect(200);
    expect(afterRevision.body.digest).not.toBe(digest.body.digest);
    expect(afterRevision.body.digest).toBe(
      bidsDigest([
        { bidId: bid.id, revision: 2, hash: revised.body.receipt.contentHash },
        { bidId: otherBid.id, revision: 1, hash: otherBid.receipt.contentHash },
      ]),
    );
    // ... and a withdrawal, which leaves the bid out.
    await reopenBidding(t, challengeId);
    await t.http().post(`/api/bids/${otherBid.id}/withdraw`).set(otherLead.auth).expect(200);
    await closeBidding(t, challengeId);
    const afterWithdrawal = await t.http().get(`/api/challenges/${challengeId}/bids/digest`).expect(200);
    expect(afterWithdrawal.body.receipts.map((r: { bidId: string }) => r.bidId)).toEqual([bid.id]);
    expect(afterWithdrawal.body.digest).toBe(bidsDigest([{ bidId: bid.id, revision: 2, hash: revised.body.receipt.contentHash }]));
  });

  describe('the deadline, decided by the database clock', () => {
    afterEach(() => jest.useRealTimers());

    /** Fakes only Date (not timers): the app's own clock now says a day ago. */
    const appClockOneDayBehind = () =>
      jest.useFakeTimers({
        now: Date.now() - 24 * 60 * 60 * 1000,
        doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
      });

    it('refuses a bid arriving after closesAt with 409 BID_WINDOW_CLOSED, even when the app clock is behind', async () => {
      const { lead, team, challengeId } = await scenario({ opensIn: '-2 days', closesIn: '-1 second' });
      const before = await writes(challengeId);
      const realNow = Date.now();
      appClockOneDayBehind();
      expect(Date.now()).toBeLessThan(realNow - 23 * 60 * 60 * 1000); // the app believes the window is open
      const res = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).send(bidInput(team.id, lead));
      jest.useRealTimers();
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BID_WINDOW_CLOSED');
      expect(await writes(challengeId)).toEqual(before);
    });

    it('freezes revisions and withdrawals at closesAt, whatever the app clock says', async () => {
      const { lead, team, challengeId } = await scenario();
      const bid = await submitBid(t, lead, challengeId, team.id);
      await closeBidding(t, challengeId);
      appClockOneDayBehind();
      const { teamId: _teamId, ...terms } = bidInput(team.id, lead);
      const revise = await t.http().put(`/api/bids/${bid.id}`).set(lead.auth).send(terms);
      const withdraw = await t.http().post(`/api/bids/${bid.id}/withdraw`).set(lead.auth);
      jest.useRealTimers();
      expect([revise.status, revise.body.code]).toEqual([409, 'BID_WINDOW_CLOSED']);
      expect([withdraw.status, withdraw.body.code]).toEqual([409, 'BID_WINDOW_CLOSED']);
      const [row] = await t.dataSource.query('SELECT status, revision FROM bid WHERE id = $1', [bid.id]);
      expect(row).toEqual({ status: 'SUBMITTED', revision: 1 });
    });

    it('refuses bids before opensAt with BID_WINDOW_NOT_OPEN', async () => {
      const { lead, team, challengeId } = await scenario({ opensIn: '1 hour', closesIn: '3 days' });
      const res = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).send(bidInput(team.id, lead)).expect(409);
      expect(res.body.code).toBe('BID_WINDOW_NOT_OPEN');
    });

    it('closes exactly when the database clock passes closesAt', async () => {
      const { lead, team, challengeId } = await scenario({ closesIn: '1.5 seconds' });
      const bid = await submitBid(t, lead, challengeId, team.id);
      // Wait for the database clock (not ours) to pass closesAt.
      await t.dataSource.query(`SELECT pg_sleep(GREATEST(0, EXTRACT(EPOCH FROM (closes_at - clock_timestamp())) + 0.05)) FROM challenge WHERE id = $1`, [challengeId]);
      const res = await t.http().post(`/api/bids/${bid.id}/withdraw`).set(lead.auth).expect(409);
      expect(res.body.code).toBe('BID_WINDOW_CLOSED');
    }, 15_000);
  });

  it('answers 50 concurrent submissions by one team with exactly one bid and 49 clean 409s', async () => {
    const { lead, team, challengeId } = await scenario();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/challenges/${challengeId}/bids`)
          .set(lead.auth)
          .set(i % 2 === 0 ? { 'Idempotency-Key': `race-${i}` } : {})
          .send(bidInput(team.id, lead, { technicalApproach: `attempt ${i}` })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['BID_ALREADY_EXISTS']));
    expect(await writes(challengeId)).toEqual({ bids: 1, revisions: 1, events: 1 });
    // The rule is the database's, not only the service's: a second active row is refused outright.
    await expect(
      t.dataSource.query(
        `INSERT INTO bid (challenge_id, team_id, technical_approach, proposal, quoted_price_fen, duration_days, milestones,
                          key_personnel_user_ids, pledged_by, pledged_at, content_hash, received_at)
         SELECT challenge_id, team_id, technical_approach, proposal, quoted_price_fen, duration_days, milestones,
                key_personnel_user_ids, pledged_by, pledged_at, content_hash, received_at FROM bid WHERE challenge_id = $1`,
        [challengeId],
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'uq_bid_active_per_team' });
  }, 30_000);

  describe('bad input is 400 with the field named, and writes nothing', () => {
    const cases: [string, (ids: { lead: string; stranger: string }) => Record<string, unknown>, { field: string; messages: string[] }[]][] = [
      [
        'a price over the reward ceiling',
        () => ({ quotedPriceFen: 50_000_001 }),
        [{ field: 'quotedPriceFen', messages: ['must not exceed the reward of 500,000.00 CNY'] }],
      ],
      [
        'payment shares not summing to 10000',
        () => ({
          milestones: [
            { title: 'A', dueDay: 60, deliverable: 'a', paymentBasisPoints: 5000 },
            { title: 'B', dueDay: 120, deliverable: 'b', paymentBasisPoints: 4999 },
          ],
        }),
        [{ field: 'milestones', messages: ['payment shares must sum to 10000 basis points (100%), not 9999'] }],
      ],
      [
        'a milestone past the duration',
        () => ({ durationDays: 100, milestones: [{ title: 'A', dueDay: 101, deliverable: 'a', paymentBasisPoints: 10_000 }] }),
        [{ field: 'milestones.0.dueDay', messages: ['day 101 is past the duration of 100 days'] }],
      ],
      [
        'a non-member as key personnel',
        ({ lead, stranger }) => ({ keyPersonnelUserIds: [lead, stranger] }),
        [{ field: 'keyPersonnelUserIds.1', messages: ['is not a member of the team'] }],
      ],
      ['an unknown field', () => ({ status: 'AWARDED' }), [{ field: 'status', messages: ['status is not an accepted field'] }]],
      [
        'an unknown field inside a milestone',
        () => ({ milestones: [{ title: 'A', dueDay: 60, deliverable: 'a', paymentBasisPoints: 10_000, paid: true }] }),
        [{ field: 'milestones.0.paid', messages: ['milestones.0.paid is not an accepted field'] }],
      ],
      [
        'the pledge not accepted',
        () => ({ pledgeAccepted: false }),
        [{ field: 'pledgeAccepted', messages: ['pledgeAccepted must be true: the team lead pledges (军令状) to deliver on the indicators'] }],
      ],
      [
        'a proposal over 200 KB',
        () => ({ proposal: '方'.repeat(68_267) }),
        [{ field: 'proposal', messages: ['proposal must be at most 204800 bytes in UTF-8'] }],
      ],
      ['a price in yuan with decimals', () => ({ quotedPriceFen: 4800.5 }), [{ field: 'quotedPriceFen', messages: ['quotedPriceFen must be an integer number'] }]],
      ['a NUL character', () => ({ technicalApproach: 'a\u0000b' }), [{ field: 'technicalApproach', messages: ['technicalApproach must not contain the character U+0000'] }]],
    ];

    it.each(cases)('%s', async (_, change, details) => {
      const { lead, team, challengeId } = await scenario();
      const stranger = await register(t, 'stranger');
      const before = await writes(challengeId);
      const res = await t
        .http()
        .post(`/api/challenges/${challengeId}/bids`)
        .set(lead.auth)
        .send({ ...bidInput(team.id, lead), ...change({ lead: lead.id, stranger: stranger.id }) })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(details);
      expect(await writes(challengeId)).toEqual(before);
    });

    it('the same rules hold for a revision, which leaves the bid as it was', async () => {
      const { lead, team, challengeId } = await scenario();
      const bid = await submitBid(t, lead, challengeId, team.id);
      const before = await writes(challengeId);
      const { teamId: _teamId, ...terms } = bidInput(team.id, lead, { quotedPriceFen: 60_000_000 });
      const res = await t.http().put(`/api/bids/${bid.id}`).set(lead.auth).send(terms).expect(400);
      expect(res.body.details).toEqual([{ field: 'quotedPriceFen', messages: ['must not exceed the reward of 500,000.00 CNY'] }]);
      const teamIdToo = await t.http().put(`/api/bids/${bid.id}`).set(lead.auth).send({ ...terms, teamId: team.id }).expect(400);
      expect(teamIdToo.body.details).toEqual([{ field: 'teamId', messages: ['teamId is not an accepted field'] }]);
      expect(await writes(challengeId)).toEqual(before);
    });
  });

  it('takes bids from the lead only, for a challenge the caller can see', async () => {
    const { lead, engineer, team, challengeId } = await scenario();
    const byMember = await t.http().post(`/api/challenges/${challengeId}/bids`).set(engineer.auth).send(bidInput(team.id, engineer)).expect(403);
    expect(byMember.body.code).toBe('NOT_TEAM_LEAD');
    const noTeam = await t
      .http()
      .post(`/api/challenges/${challengeId}/bids`)
      .set(lead.auth)
      .send(bidInput('5b0f6f9e-8c8e-4c55-9a3e-2f2b8e6f0c11', lead))
      .expect(404);
    expect(noTeam.body.code).toBe('TEAM_NOT_FOUND');
    const draft = await insertChallenge(t, owner.orgId, { status: 'DRAFT' });
    const hidden = await t.http().post(`/api/challenges/${draft}/bids`).set(lead.auth).send(bidInput(team.id, lead)).expect(404);
    expect(hidden.body.code).toBe('CHALLENGE_NOT_FOUND');
    await t.http().get(`/api/challenges/${draft}/bids`).expect(404);
  });

  it('enforces invite-only lists and the NDA', async () => {
    const { lead, team } = await scenario();
    const invitedTeam = await createTeam(t, lead, { name: '受邀团队' });
    const inviteOnly = await insertChallenge(t, owner.orgId, { eligibility: 'INVITE_ONLY', invitedTeamIds: [invitedTeam.id] });
    // Its lead sees the challenge through the invited team, but the other team is not invited.
    const refused = await t.http().post(`/api/challenges/${inviteOnly}/bids`).set(lead.auth).send(bidInput(team.id, lead)).expect(403);
    expect(refused.body.code).toBe('TEAM_NOT_ELIGIBLE');
    await submitBid(t, lead, inviteOnly, invitedTeam.id);
    // Someone not invited at all does not learn that the challenge exists.
    const outsider = await register(t, 'outsider');
    const outsiderTeam = await createTeam(t, outsider);
    const hidden = await t.http().post(`/api/challenges/${inviteOnly}/bids`).set(outsider.auth).send(bidInput(outsiderTeam.id, outsider)).expect(404);
    expect(hidden.body.code).toBe('CHALLENGE_NOT_FOUND');

    const ndaChallenge = await insertChallenge(t, owner.orgId, { ndaRequired: true });
    const noNda = await t.http().post(`/api/challenges/${ndaChallenge}/bids`).set(lead.auth).send(bidInput(team.id, lead)).expect(403);
    expect(noNda.body.code).toBe('NDA_NOT_ACCEPTED');
    await t.dataSource.query('INSERT INTO nda_acceptance (challenge_id, team_id, user_id, version) VALUES ($1, $2, $3, 1)', [ndaChallenge, team.id, lead.id]);
    await submitBid(t, lead, ndaChallenge, team.id);
  });

  it('freezes the bids of a cancelled challenge and keeps them sealed', async () => {
    const { lead, team, challengeId } = await scenario();
    const bid = await submitBid(t, lead, challengeId, team.id);
    await t.dataSource.query(`UPDATE challenge SET status = 'CANCELLED', cancellation_reason = 'budget withdrawn' WHERE id = $1`, [challengeId]);
    const withdraw = await t.http().post(`/api/bids/${bid.id}/withdraw`).set(lead.auth).expect(409);
    expect(withdraw.body.code).toBe('CHALLENGE_CANCELLED');
    await t.http().get(`/api/bids/${bid.id}`).set(owner.auth).expect(404);
    const list = await t.http().get(`/api/challenges/${challengeId}/bids`).set(owner.auth).expect(200);
    expect(list.body).toMatchObject({ phase: 'CANCELLED', count: 1, opened: false, bids: [] });
    await t.http().get(`/api/bids/${bid.id}`).set(lead.auth).expect(200);
  });

  it('shortlists after closing: the owner decides, a rejection needs a reason, and the room freezes it', async () => {
    const { lead, team, challengeId } = await scenario();
    const bid: BidBody = await submitBid(t, lead, challengeId, team.id);
    const sealed = await t.http().post(`/api/bids/${bid.id}/shortlist`).set(owner.auth).send({ decision: 'SHORTLISTED' }).expect(404);
    expect(sealed.body.code).toBe('BID_NOT_FOUND');
    await closeBidding(t, challengeId);

    const noReason = await t.http().post(`/api/bids/${bid.id}/shortlist`).set(owner.auth).send({ decision: 'NOT_SHORTLISTED' }).expect(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', messages: ['is required to reject a bid from the shortlist'] }]);
    const rejected = await t
      .http()
      .post(`/api/bids/${bid.id}/shortlist`)
      .set(owner.auth)
      .send({ decision: 'NOT_SHORTLISTED', reason: '工期超出企业要求' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'NOT_SHORTLISTED', shortlistReason: '工期超出企业要求', shortlistedAt: expect.any(String) });
    const corrected = await t.http().post(`/api/bids/${bid.id}/shortlist`).set(admin.auth).send({ decision: 'SHORTLISTED', reason: '复核通过' }).expect(200);
    expect(corrected.body.status).toBe('SHORTLISTED');
    const [row] = await t.dataSource.query('SELECT shortlisted_by FROM bid WHERE id = $1', [bid.id]);
    expect(row.shortlisted_by).toBe(admin.id);
    expect((await events(bid.id)).filter((e) => e.type === 'bid.shortlisted')).toEqual([
      { type: 'bid.shortlisted', bidId: bid.id, challengeId, shortlisted: false, reason: '工期超出企业要求' },
      { type: 'bid.shortlisted', bidId: bid.id, challengeId, shortlisted: true, reason: '复核通过' },
    ]);
    const again = await t.http().post(`/api/bids/${bid.id}/shortlist`).set(admin.auth).send({ decision: 'SHORTLISTED' }).expect(409);
    expect(again.body.code).toBe('BID_TRANSITION_FORBIDDEN');

    await t.dataSource.query(`UPDATE challenge SET status = 'EVALUATING' WHERE id = $1`, [challengeId]);
    const frozen = await t.http().post(`/api/bids/${bid.id}/shortlist`).set(owner.auth).send({ decision: 'NOT_SHORTLISTED', reason: 'late' }).expect(409);
    expect(frozen.body.code).toBe('SHORTLIST_FROZEN');
    const badDecision = await t.http().post(`/api/bids/${bid.id}/shortlist`).set(owner.auth).send({ decision: 'MAYBE' }).expect(400);
    expect(badDecision.body.details[0].field).toBe('decision');
  });

  it('opens the list to the owner after closing, with each bid’s content readable', async () => {
    const { lead, team, challengeId } = await scenario();
    const bid = await submitBid(t, lead, challengeId, team.id, { proposal: '方案 OWNER-READS-AFTER-CLOSE' });
    const before = await t.http().get(`/api/challenges/${challengeId}/bids`).set(owner.auth).expect(200);
    expect(before.body).toEqual({ challengeId, phase: 'OPEN', closesAt: expect.any(String), count: 1, opened: false, bids: [], ownBids: [] });
    const asLead = await t.http().get(`/api/challenges/${challengeId}/bids`).set(lead.auth).expect(200);
    expect(asLead.body.ownBids).toEqual([{ bidId: bid.id, teamId: team.id, status: 'SUBMITTED' }]);
    await closeBidding(t, challengeId);
    const after = await t.http().get(`/api/challenges/${challengeId}/bids`).set(owner.auth).expect(200);
    expect(after.body).toMatchObject({ phase: 'CLOSED', count: 1, opened: true, bids: [{ id: bid.id, teamName: team.name, receipt: bid.receipt }] });
    const read = await t.http().get(`/api/bids/${bid.id}`).set(owner.auth).expect(200);
    expect(read.body.proposal).toBe('方案 OWNER-READS-AFTER-CLOSE');
  });
});
