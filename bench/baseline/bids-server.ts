import { createSecretKey } from 'node:crypto';
import Fastify from 'fastify';
import { verify } from 'jsonwebtoken';
import { Pool, type PoolClient } from 'pg';
import {
  assertBiddingOpen,
  assertMayBid,
  assertTeamLead,
  biddingPhase,
  bidContentHash,
  buildBidContent,
  canSeeChallenge,
  type ChallengeStatus,
  type CurrentMember,
  DomainError,
  type Eligibility,
  effectiveChallengeStatus,
  HTTP_STATUS_BY_KIND,
  idempotencyRequestHash,
  type Milestone,
  validateBid,
} from '@app/domain';
import { INSERT_BID, INSERT_REVISION, lockTeamStatement, revisionValues } from '@app/database/statements/bids';

/**
 * P1's baseline: POST /api/challenges/:id/bids as a bare Fastify + pg handler. It does the work
 * the platform does for a first submission with an Idempotency-Key: verifies the same HS256 token
 * (with a secret KeyObject, as ours), validates the body (a JSON schema) and sends the platform's
 * 16 SQL statements (copied from its statement trace) on one pool connection, as ours: the key
 * claim, a transaction of 12, the stored answer. It applies the same domain rules and hashes the
 * same canonical content.
 * What it leaves out is the framework: Nest's guard, pipes and interceptors, class-validator,
 * TypeORM, helmet, request logging. Replays of a finished key are not implemented (P1 never sends one).
 */

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  options: '-c timezone=UTC',
  application_name: 'bench-baseline',
});
const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET ?? '', 'utf8'));
const SCOPE = 'POST /api/challenges/:id/bids';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const bodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['teamId', 'technicalApproach', 'proposal', 'quotedPriceFen', 'durationDays', 'milestones', 'keyPersonnelUserIds', 'pledgeAccepted'],
  properties: {
    teamId: { type: 'string', format: 'uuid' },
    technicalApproach: text(20_000),
    proposal: text(400_000),
    quotedPriceFen: { type: 'integer', minimum: 1 },
    durationDays: { type: 'integer', minimum: 1, maximum: 3650 },
    milestones: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'dueDay', 'deliverable', 'paymentBasisPoints'],
        properties: {
          title: text(200),
          dueDay: { type: 'integer', minimum: 1, maximum: 3650 },
          deliverable: text(2000),
          paymentBasisPoints: { type: 'integer', minimum: 1, maximum: 10_000 },
        },
      },
    },
    keyPersonnelUserIds: { type: 'array', maxItems: 50, items: { type: 'string', format: 'uuid' } },
    pledgeAccepted: { const: true },
  },
} as const;

interface BidBody {
  teamId: string;
  technicalApproach: string;
  proposal: string;
  quotedPriceFen: number;
  durationDays: number;
  milestones: Milestone[];
  keyPersonnelUserIds: string[];
}

interface ChallengeRow {
  id: string;
  org_id: string;
  status: ChallengeStatus;
  reward_fen: string;
  eligibility: Eligibility;
  invited_team_ids: string[];
  invited_org_ids: string[];
  nda_required: boolean;
  closes_at: Date;
  was_published: boolean;
  db_now: Date;
  opened: boolean;
  closed: boolean;
  reader_invited: boolean;
}

interface BidRow {
  id: string;
  challengeId: string;
  teamId: string;
  status: string;
  revision: number;
  technicalApproach: string;
  proposal: string;
  quotedPriceFen: string;
  durationDays: number;
  milestones: Milestone[];
  keyPersonnelUserIds: string[];
  pledgedBy: string;
  pledgedAt: Date;
  contentHash: string;
  receivedAt: Date;
  shortlistReason: string | null;
  shortlistedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** The user id of a valid Bearer access token (verified as TokenService.verifyAccess does), else null. */
function userOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9\-_.]+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return null;
  try {
    const claims = verify(match[1], secret, { algorithms: ['HS256'], audience: 'jiebang-api', issuer: 'jiebang' }) as { sub?: unknown };
    return typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}

/** The transaction of BidsService.submit, statement for statement. */
async function submit(client: PoolClient, userId: string, challengeId: string, body: BidBody) {
  await client.query(
    `SELECT m.org_id FROM org_member m JOIN organisation o ON o.id = m.org_id WHERE m.user_id = $1 AND o.kind = 'ENTERPRISE' AND o.verified_at IS NOT NULL`,
    [userId],
  );
  await client.query('SELECT 1 FROM challenge WHERE id = $1 FOR SHARE', [challengeId]);
  const challenges = await client.query<ChallengeRow>(
    `SELECT c.id, c.org_id, c.title, c.status, c.reward_fen, c.eligibility, c.invited_team_ids, c.invited_org_ids, c.nda_required, c.closes_at, c.published_at IS NOT NULL AS was_published, clock.now AS db_now, clock.now >= c.opens_at AS opened, clock.now >= c.closes_at AS closed, $2::uuid IS NOT NULL AND ( EXISTS (SELECT 1 FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.user_id = $2 AND m.left_at IS NULL AND (t.id = ANY (c.invited_team_ids) OR t.org_id = ANY (c.invited_org_ids))) OR EXISTS (SELECT 1 FROM org_member o WHERE o.user_id = $2 AND o.org_id = ANY (c.invited_org_ids)) ) AS reader_invited FROM challenge c CROSS JOIN (SELECT clock_timestamp() AS now) clock WHERE c.id = $1`,
    [challengeId, userId],
  );
  const challenge = challenges.rows[0];
  if (!challenge) throw new HttpError(404, 'CHALLENGE_NOT_FOUND');
  const visible = canSeeChallenge(
    {
      status: effectiveChallengeStatus(challenge.status, challenge.closes_at, challenge.db_now),
      wasPublished: challenge.was_published,
      eligibility: challenge.eligibility,
      ndaRequired: challenge.nda_required,
    },
    { signedIn: true, admin: false, ownerOrg: false, invited: challenge.reader_invited, judgeOfRoom: false, ndaAccepted: false },
  );
  if (!visible) throw new HttpError(404, 'CHALLENGE_NOT_FOUND');
  const teams = await client.query<{ id: string; name: string; orgId: string | null }>(
    lockTeamStatement('share'),
    [body.teamId],
  );
  const team = teams.rows[0];
  if (!team) throw new HttpError(404, 'TEAM_NOT_FOUND');
  const members = await client.query<{ user_id: string; role: CurrentMember['role'] }>(
    'SELECT user_id, role FROM team_member WHERE team_id = $1 AND left_at IS NULL ORDER BY joined_at, id',
    [team.id],
  );
  const current = members.rows.map((m) => ({ userId: m.user_id, role: m.role }));
  assertTeamLead(current, userId);
  assertBiddingOpen(biddingPhase({ status: challenge.status, opened: challenge.opened, closed: challenge.closed }));
  const memberUserIds = current.map((m) => m.userId);
  const ownerMembers = await client.query<{ user_id: string }>('SELECT user_id FROM org_member WHERE org_id = $1 AND user_id = ANY($2::uuid[])', [
    challenge.org_id,
    memberUserIds,
  ]);
  const nda = await client.query('SELECT 1 FROM nda_acceptance WHERE challenge_id = $1 AND team_id = $2', [challenge.id, team.id]);
  assertMayBid(
    {
      orgId: challenge.org_id,
      eligibility: challenge.eligibility,
      invitedTeamIds: challenge.invited_team_ids,
      invitedOrgIds: challenge.invited_org_ids,
      ownerMemberUserIds: ownerMembers.rows.map((r) => r.user_id),
      ndaRequired: challenge.nda_required,
    },
    { id: team.id, orgId: team.orgId, memberUserIds, ndaAccepted: (nda.rowCount ?? 0) > 0 },
  );
  validateBid(body, { rewardCeilingFen: Number(challenge.reward_fen), teamMemberUserIds: memberUserIds });
  const active = await client.query(`SELECT 1 FROM bid WHERE challenge_id = $1 AND team_id = $2 AND status <> 'WITHDRAWN'`, [challenge.id, team.id]);
  const withdrawn = await client.query(
    `SELECT id FROM bid WHERE challenge_id = $1 AND team_id = $2 AND status = 'WITHDRAWN' ORDER BY updated_at DESC LIMIT 1 FOR UPDATE`,
    [challenge.id, team.id],
  );
  if ((active.rowCount ?? 0) > 0 || (withdrawn.rowCount ?? 0) > 0) throw new HttpError(409, 'BID_ALREADY_EXISTS');

  const content = buildBidContent({
    challengeId: challenge.id,
    teamId: team.id,
    revision: 1,
    technicalApproach: body.technicalApproach,
    proposal: body.proposal,
    quotedPriceFen: body.quotedPriceFen,
    durationDays: body.durationDays,
    milestones: body.milestones,
    keyPersonnelUserIds: body.keyPersonnelUserIds,
    pledgedBy: userId,
  });
  const contentHash = bidContentHash(content);
  const receivedAt = challenge.db_now;
  const inserted = await client.query<BidRow>(INSERT_BID, [challenge.id, team.id, ...revisionValues({ status: 'SUBMITTED', content, receivedAt, contentHash })]);
  const bid = inserted.rows[0];
  const bidId = bid.id;
  await client.query(INSERT_REVISION, [bidId, 1, JSON.stringify(content), contentHash, userId, receivedAt]);
  await client.query('INSERT INTO outbox_event (type, payload) VALUES ($1, $2) RETURNING id;', [
    'bid.submitted',
    JSON.stringify({ bidId, challengeId: challenge.id, teamId: team.id, revision: 1 }),
  ]);
  await client.query('SELECT pg_notify($1, $2)', ['outbox_event', 'bid.submitted']);
  return {
    id: bid.id,
    challengeId: bid.challengeId,
    teamId: bid.teamId,
    teamName: team.name,
    status: bid.status,
    revision: bid.revision,
    technicalApproach: bid.technicalApproach,
    proposal: bid.proposal,
    quotedPriceFen: Number(bid.quotedPriceFen),
    durationDays: bid.durationDays,
    milestones: bid.milestones,
    keyPersonnelUserIds: bid.keyPersonnelUserIds,
    pledgedBy: bid.pledgedBy,
    pledgedAt: bid.pledgedAt.toISOString(),
    receipt: { bidId, revision: bid.revision, receivedAt: bid.receivedAt.toISOString(), contentHash: bid.contentHash },
    shortlistReason: bid.shortlistReason,
    shortlistedAt: bid.shortlistedAt?.toISOString() ?? null,
    createdAt: bid.createdAt.toISOString(),
    updatedAt: bid.updatedAt.toISOString(),
  };
}

const app = Fastify({ bodyLimit: 1024 * 1024 });

app.get('/api/health/ready', async () => ({ status: 'ok' }));

app.post<{ Params: { id: string }; Body: BidBody; Headers: { 'idempotency-key'?: string } }>(
  '/api/challenges/:id/bids',
  { schema: { body: bodySchema, params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } } },
  async (request, reply) => {
    const userId = userOf(request.headers.authorization);
    if (!userId) return reply.code(401).send({ statusCode: 401, code: 'TOKEN_INVALID' });
    const key = request.headers['idempotency-key'];
    const requestHash = key === undefined ? null : idempotencyRequestHash(SCOPE, { id: request.params.id }, request.body);
    // Like ours: the claim, the transaction and the stored answer on one connection.
    const client = await pool.connect();
    let status = 201;
    let answer: unknown;
    try {
      if (key !== undefined) {
        const claimed = await client.query(
          `INSERT INTO idempotency_key (user_id, key, scope, request_hash, state) VALUES ($1, $2, $3, $4, 'IN_PROGRESS') ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
          [userId, key, SCOPE, requestHash],
        );
        if (claimed.rowCount === 0) return reply.code(409).send({ statusCode: 409, code: 'IDEMPOTENCY_IN_PROGRESS' });
      }
      try {
        await client.query('START TRANSACTION');
        answer = await submit(client, userId, request.params.id, request.body);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        if (!(error instanceof HttpError || error instanceof DomainError)) throw error;
        status = error instanceof HttpError ? error.statusCode : HTTP_STATUS_BY_KIND[error.kind];
        answer = { statusCode: status, code: error.code, message: error.message };
      }
      if (key !== undefined) {
        await client.query(
          `UPDATE idempotency_key SET state = 'DONE', response_status = $3, response_body = $4::jsonb WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`,
          [userId, key, status, JSON.stringify(answer)],
        );
      }
    } finally {
      client.release();
    }
    return reply.code(status).send(answer);
  },
);

const close = () => void app.close().then(() => pool.end()).then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
app.listen({ port: Number(process.env.PORT ?? 3100), host: process.env.HOST ?? '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
