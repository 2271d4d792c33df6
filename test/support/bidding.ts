import { randomBytes } from 'node:crypto';
import type { TestApp } from './app';
import type { TestUser } from './users';

/**
 * Fixtures for teams and bids, for every service's tests. The app under test must include the
 * bidding service's routes (BiddingModule, e.g. through BiddingAppModule or PlatformModule).
 */

export interface TeamBody {
  id: string;
  name: string;
  kind: string;
  country: string;
  orgId: string | null;
  members: { userId: string; role: string; displayName: string; email?: string }[];
  [field: string]: unknown;
}

export interface MilestoneInput {
  title: string;
  dueDay: number;
  deliverable: string;
  paymentBasisPoints: number;
}

/** The body of POST /api/challenges/:id/bids (PUT /api/bids/:id takes it without teamId). */
export interface BidInput {
  teamId: string;
  technicalApproach: string;
  proposal: string;
  quotedPriceFen: number;
  durationDays: number;
  milestones: MilestoneInput[];
  keyPersonnelUserIds: string[];
  pledgeAccepted: true;
}

export interface ReceiptBody {
  bidId: string;
  revision: number;
  receivedAt: string;
  contentHash: string;
}

/** The bid as the bidding team reads it. */
export interface BidBody extends Omit<BidInput, 'pledgeAccepted'> {
  id: string;
  challengeId: string;
  teamName: string;
  status: string;
  revision: number;
  pledgedBy: string;
  receipt: ReceiptBody;
  [field: string]: unknown;
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A team led by `lead`, with `members` added as MEMBER (their ids are what bids name as key personnel). */
export async function createTeam(
  t: TestApp,
  lead: TestUser,
  options: { name?: string; kind?: string; country?: string; orgId?: string; members?: TestUser[]; leads?: TestUser[] } = {},
): Promise<TeamBody> {
  const res = await t
    .http()
    .post('/api/teams')
    .set(lead.auth)
    .send({
      name: options.name ?? `高原智能传感团队 ${randomBytes(3).toString('hex')}`,
      kind: options.kind ?? 'RESEARCH_GROUP',
      country: options.country ?? 'CN',
      ...(options.orgId ? { orgId: options.orgId } : {}),
    });
  expectStatus(res, 201, 'create team');
  let team = res.body as TeamBody;
  for (const [users, role] of [
    [options.leads ?? [], 'LEAD'],
    [options.members ?? [], 'MEMBER'],
  ] as const) {
    for (const user of users) team = await addTeamMember(t, lead, team.id, user, role);
  }
  return team;
}

/**
 * `user` joins the team as its lead invites them and they accept (membership by consent,
 * docs/integrity.md); answers the team as the lead then reads it.
 */
export async function addTeamMember(t: TestApp, lead: TestUser, teamId: string, user: TestUser, role: 'LEAD' | 'MEMBER' = 'MEMBER'): Promise<TeamBody> {
  const invitation = await inviteToTeam(t, lead, teamId, user, role);
  await acceptInvitation(t, user, invitation.id);
  const res = await t.http().get(`/api/teams/${teamId}`).set(lead.auth);
  expectStatus(res, 200, 'read team');
  return res.body as TeamBody;
}

export interface InvitationBody {
  id: string;
  kind: 'TEAM' | 'ORGANISATION';
  teamId: string | null;
  orgId: string | null;
  role: string;
  inviteeId: string;
  invitedById: string;
  status: string;
  invitedAt: string;
  decidedAt: string | null;
  [field: string]: unknown;
}

/** The lead invites `user` to the team; the invitation stays PENDING until they answer. */
export async function inviteToTeam(t: TestApp, lead: TestUser, teamId: string, user: TestUser, role: 'LEAD' | 'MEMBER' = 'MEMBER'): Promise<InvitationBody> {
  const res = await t.http().post(`/api/teams/${teamId}/members`).set(lead.auth).send({ email: user.email, role });
  expectStatus(res, 201, 'invite to team');
  return res.body as InvitationBody;
}

/** The invitee accepts an invitation to a team or an organisation. */
export async function acceptInvitation(t: TestApp, invitee: TestUser, invitationId: string): Promise<InvitationBody> {
  const res = await t.http().post(`/api/invitations/${invitationId}/accept`).set(invitee.auth);
  expectStatus(res, 200, 'accept invitation');
  return res.body as InvitationBody;
}

/**
 * A valid bid for `teamId`: 480,000.00 CNY (below the default reward of 500,000.00) over 180 days,
 * paid 30/30/40, the lead as key personnel. Override anything.
 */
export function bidInput(teamId: string, lead: { id: string }, overrides: Partial<BidInput> = {}): BidInput {
  return {
    teamId,
    technicalApproach: '基于低功耗 FPGA 的边缘推理 + 多光谱传感融合',
    proposal: `# 技术方案 Proposal\n\n面向高原环境的在线缺陷检测，目标误检率 ≤ 0.5%。\n\nNonce ${randomBytes(4).toString('hex')}`,
    quotedPriceFen: 48_000_000,
    durationDays: 180,
    milestones: [
      { title: '样机 Prototype', dueDay: 60, deliverable: 'Bench test report', paymentBasisPoints: 3000 },
      { title: '产线试运行 Pilot on the line', dueDay: 120, deliverable: 'Pilot run report signed by the enterprise', paymentBasisPoints: 3000 },
      { title: '验收 Acceptance', dueDay: 180, deliverable: 'Acceptance test against every indicator', paymentBasisPoints: 4000 },
    ],
    keyPersonnelUserIds: [lead.id],
    pledgeAccepted: true,
    ...overrides,
  };
}

/** Submits a bid as `lead` and returns it (with its receipt); throws unless 201. */
export async function submitBid(
  t: TestApp,
  lead: TestUser,
  challengeId: string,
  teamId: string,
  overrides: Partial<BidInput> = {},
): Promise<BidBody> {
  const res = await t.http().post(`/api/challenges/${challengeId}/bids`).set(lead.auth).send(bidInput(teamId, lead, overrides));
  expectStatus(res, 201, 'submit bid');
  return res.body as BidBody;
}

export interface ChallengeRowOverrides {
  status?: string;
  title?: string;
  rewardFen?: number;
  eligibility?: 'OPEN' | 'INVITE_ONLY';
  invitedTeamIds?: string[];
  invitedOrgIds?: string[];
  ndaRequired?: boolean;
  /** SQL intervals relative to the database clock: opens `now() + opensIn`, closes `now() + closesIn`. */
  opensIn?: string;
  closesIn?: string;
}

/**
 * Inserts a challenge row directly (real data in the real database, for services whose tests do
 * not run the challenges routes): PUBLISHED, reward 500,000.00 CNY, opened an hour ago, closing
 * in 7 days by the database clock, unless overridden.
 */
export async function insertChallenge(t: TestApp, orgId: string, overrides: ChallengeRowOverrides = {}): Promise<string> {
  const status = overrides.status ?? 'PUBLISHED';
  const rows: { id: string }[] = await t.dataSource.query(
    `INSERT INTO challenge (org_id, created_by, status, title, summary, detail, industry_field, tags, indicators,
                            reward_fen, opens_at, closes_at, eligibility, invited_team_ids, invited_org_ids, ip_terms,
                            nda_required, rubric, published_at)
     VALUES ($1, (SELECT user_id FROM org_member WHERE org_id = $1 ORDER BY joined_at LIMIT 1), $2, $3,
             '高原环境下的在线缺陷检测', '保密细节 confidential detail', 'ADVANCED_MANUFACTURING', '{传感,AI}',
             '[{"name":"误检率","target":"≤ 0.5","unit":"%","measurement":"10,000 parts sampled"}]',
             $4, now() + $5::interval, now() + $6::interval, $7, $8::uuid[], $9::uuid[], 'TRANSFER', $10,
             '[{"key":"tech","name":"技术方案","description":"","weight":100,"maxScore":100}]',
             CASE WHEN $2 IN ('DRAFT', 'SUBMITTED', 'REJECTED') THEN NULL ELSE now() END)
     RETURNING id`,
    [
      orgId,
      status,
      overrides.title ?? `揭榜挂帅 ${randomBytes(3).toString('hex')}`,
      overrides.rewardFen ?? 50_000_000,
      overrides.opensIn ?? '-1 hour',
      overrides.closesIn ?? '7 days',
      overrides.eligibility ?? 'OPEN',
      overrides.invitedTeamIds ?? [],
      overrides.invitedOrgIds ?? [],
      overrides.ndaRequired ?? false,
    ],
  );
  return rows[0].id;
}

/** Moves closesAt into the past by the database clock: bidding on the challenge is now closed. */
export async function closeBidding(t: TestApp, challengeId: string): Promise<void> {
  await t.dataSource.query(
    `UPDATE challenge SET opens_at = LEAST(opens_at, now() - interval '2 hours'), closes_at = now() - interval '1 second' WHERE id = $1`,
    [challengeId],
  );
}

/** Moves closesAt back into the future (to test the window by the database clock both ways). */
export async function reopenBidding(t: TestApp, challengeId: string): Promise<void> {
  await t.dataSource.query(`UPDATE challenge SET closes_at = now() + interval '7 days' WHERE id = $1`, [challengeId]);
}
