import type { TestApp } from './app';
import type { TestUser } from './users';

/**
 * Fixtures for challenges, for every service's tests. The app under test must include the
 * challenges service's routes (ChallengesModule, e.g. through ChallengesAppModule or PlatformModule).
 */

export interface IndicatorInput {
  name: string;
  target: string;
  unit: string;
  measurement: string;
}

export interface CriterionInput {
  key: string;
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

/** The body of POST /api/challenges. */
export interface ChallengeInput {
  orgId?: string;
  title: string;
  summary: string;
  detail: string;
  industryField: string;
  tags: string[];
  indicators: IndicatorInput[];
  rewardFen: number;
  winners: number;
  opensAt: string;
  closesAt: string;
  eligibility: 'OPEN' | 'INVITE_ONLY';
  invitedTeamIds: string[];
  invitedOrgIds: string[];
  ipTerms: 'TRANSFER' | 'SHARED' | 'LICENCE';
  ndaRequired: boolean;
  passMark: number;
  rubric: CriterionInput[];
}

/** The challenge as GET /api/challenges/:id answers (the fields tests usually need). */
export interface ChallengeBody extends Omit<ChallengeInput, 'invitedTeamIds' | 'invitedOrgIds' | 'detail'> {
  id: string;
  orgId: string;
  status: string;
  version: number;
  detail: string | null;
  detailVisible: boolean;
  invitedTeamIds: string[] | null;
  invitedOrgIds: string[] | null;
  [field: string]: unknown;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A valid create body that can also be published as it is: Chinese title, three indicators,
 * a 40/30/30 rubric, a reward ceiling of 500,000.00 CNY, bidding open from a minute ago for 7 days.
 */
export function challengeInput(overrides: Partial<ChallengeInput> = {}): ChallengeInput {
  const now = Date.now();
  return {
    title: '高精度传感器芯片国产化',
    summary: '面向工业物联网的高精度 MEMS 压力传感器芯片，替代进口产品 (high-precision sensor chip).',
    detail: '保密详情：现有进口芯片型号、产线工艺参数、年采购量 120 万片。',
    industryField: 'ADVANCED_MANUFACTURING',
    tags: ['传感器', 'MEMS'],
    indicators: [
      { name: '测量精度', target: '≤ 0.1', unit: '%FS', measurement: '第三方检测机构按 GB/T 15478 测试' },
      { name: '工作温度', target: '-40 ~ 125', unit: '°C', measurement: '高低温循环试验 500 次' },
      { name: '良品率', target: '≥ 95', unit: '%', measurement: '连续三批次、每批 10,000 片抽检' },
    ],
    rewardFen: 50_000_000,
    winners: 1,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 7 * DAY_MS).toISOString(),
    eligibility: 'OPEN',
    invitedTeamIds: [],
    invitedOrgIds: [],
    ipTerms: 'TRANSFER',
    ndaRequired: false,
    passMark: 60,
    rubric: [
      { key: 'technical', name: '技术方案', description: '方案的先进性与可行性', weight: 40, maxScore: 10 },
      { key: 'team', name: '团队能力', description: '团队的研发基础与业绩', weight: 30, maxScore: 10 },
      { key: 'price', name: '报价与周期', description: '报价的合理性与交付周期', weight: 30, maxScore: 10 },
    ],
    ...overrides,
  };
}

function check(step: string, res: { status: number; body: unknown }, expected: number): void {
  if (res.status !== expected) throw new Error(`${step} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A DRAFT challenge of the enterprise's organisation. */
export async function createChallenge(t: TestApp, enterprise: TestUser, overrides: Partial<ChallengeInput> = {}): Promise<ChallengeBody> {
  const res = await t.http().post('/api/challenges').set(enterprise.auth).send(challengeInput(overrides));
  check('POST /api/challenges', res, 201);
  return res.body as ChallengeBody;
}

/** A SUBMITTED challenge: created by `enterprise`, waiting for the bureau's review. */
export async function createSubmittedChallenge(t: TestApp, enterprise: TestUser, overrides: Partial<ChallengeInput> = {}): Promise<ChallengeBody> {
  const draft = await createChallenge(t, enterprise, overrides);
  const res = await t.http().post(`/api/challenges/${draft.id}/submit`).set(enterprise.auth);
  check('submit', res, 200);
  return res.body as ChallengeBody;
}

/** A PUBLISHED challenge open for bids, through POST /api/challenges, /submit and /publish. */
export async function createPublishedChallenge(
  t: TestApp,
  enterprise: TestUser,
  admin: TestUser,
  overrides: Partial<ChallengeInput> = {},
): Promise<ChallengeBody> {
  const submitted = await createSubmittedChallenge(t, enterprise, overrides);
  const res = await t.http().post(`/api/challenges/${submitted.id}/publish`).set(admin.auth);
  check('publish', res, 200);
  return res.body as ChallengeBody;
}

/**
 * Moves a challenge's deadline into the past (publication needs a window of 24 h, so tests
 * rewind the clock in the database instead of waiting). Every reader sees it CLOSED at once;
 * the close job of a running challenges service then persists CLOSED and emits challenge.closed.
 */
export async function expireChallenge(t: TestApp, challengeId: string): Promise<void> {
  await t.dataSource.query(
    `UPDATE challenge SET opens_at = now() - interval '8 days', closes_at = now() - interval '1 second' WHERE id = $1`,
    [challengeId],
  );
}

/** Waits until the stored status of the challenge is `status` (e.g. CLOSED after the close job ran). */
export async function waitForChallengeStatus(t: TestApp, challengeId: string, status: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: { status: string }[] = await t.dataSource.query('SELECT status FROM challenge WHERE id = $1', [challengeId]);
    if (rows[0]?.status === status) return;
    if (Date.now() > deadline) throw new Error(`challenge ${challengeId} is ${rows[0]?.status ?? 'missing'}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A team led by `lead` (plus current `members`), written straight into the bidding service's tables
 * for tests whose app does not mount the bidding routes.
 */
export async function insertTeam(
  t: TestApp,
  lead: TestUser,
  options: { members?: TestUser[]; orgId?: string | null; name?: string } = {},
): Promise<string> {
  const [team]: { id: string }[] = await t.dataSource.query(
    `INSERT INTO team (name, kind, country, org_id, created_by) VALUES ($1, 'RESEARCH_GROUP', 'CN', $2, $3) RETURNING id`,
    [options.name ?? '传感器攻关团队', options.orgId ?? null, lead.id],
  );
  await t.dataSource.query(`INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, 'LEAD')`, [team.id, lead.id]);
  for (const member of options.members ?? []) {
    await t.dataSource.query(`INSERT INTO team_member (team_id, user_id, role) VALUES ($1, $2, 'MEMBER')`, [team.id, member.id]);
  }
  return team.id;
}

/** The outbox events about one challenge, oldest first (`type` narrows them). */
export async function challengeEvents(t: TestApp, challengeId: string, type?: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  return t.dataSource.query(
    `SELECT type, payload FROM outbox_event WHERE payload->>'challengeId' = $1 AND ($2::text IS NULL OR type = $2) ORDER BY id`,
    [challengeId, type ?? null],
  );
}
