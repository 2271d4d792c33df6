import type { Pool } from 'pg';
import { organisationIdentity } from '@app/domain';

/**
 * Fixtures written straight into the benchmark database with set-based SQL (tens of thousands of
 * rows in a second), shaped exactly as the services would have written them.
 */

export interface BenchUser {
  id: string;
  email: string;
}

export interface BenchTeam {
  teamId: string;
  leadId: string;
}

/** Users that never sign in (the benchmark signs their access tokens itself). */
export async function insertUsers(pool: Pool, count: number, prefix: string, roles: string[] = []): Promise<BenchUser[]> {
  const { rows } = await pool.query<BenchUser>(
    `INSERT INTO user_account (email, display_name, password_hash, roles)
     SELECT $1 || '.' || g || '@bench.example.org', '压测用户 ' || g, 'bench-user-without-password', $2::text[]
       FROM generate_series(1, $3::int) g
     RETURNING id, email`,
    [prefix, roles, count],
  );
  return rows;
}

/** A verified ENTERPRISE organisation whose members act for it (the first one created it). */
export async function insertEnterprise(pool: Pool, members: BenchUser[]): Promise<string> {
  const name = '昆明高新传感科技有限公司 (bench)';
  // Its identity as registering would compute it (docs/integrity.md, Organisations are who they are).
  const identity = organisationIdentity({ name, country: 'CN', creditCode: null });
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO organisation (name, kind, country, verified_at, created_by, identity_key, normalised_name)
     VALUES ($2, 'ENTERPRISE', 'CN', now(), $1, $3, $4) RETURNING id`,
    [members[0].id, name, identity.key, identity.normalisedName],
  );
  const orgId = rows[0].id;
  await pool.query(
    `INSERT INTO org_member (org_id, user_id, role)
     SELECT $1, u.id, CASE WHEN u.id = $2 THEN 'OWNER' ELSE 'MEMBER' END FROM unnest($3::uuid[]) AS u(id)`,
    [orgId, members[0].id, members.map((m) => m.id)],
  );
  return orgId;
}

/** `count` teams, each led by a user of its own (its only, LEAD, member). */
export async function insertTeams(pool: Pool, count: number, prefix: string): Promise<BenchTeam[]> {
  const leads = await insertUsers(pool, count, prefix);
  const { rows } = await pool.query<BenchTeam>(
    `WITH t AS (
       INSERT INTO team (name, kind, country, created_by)
       SELECT '高原智能传感团队 ' || $1 || ' ' || u.n, 'RESEARCH_GROUP', 'CN', u.id
         FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)
       RETURNING id, created_by)
     INSERT INTO team_member (team_id, user_id, role) SELECT id, created_by, 'LEAD' FROM t
     RETURNING team_id AS "teamId", user_id AS "leadId"`,
    [prefix, leads.map((u) => u.id)],
  );
  return rows;
}

/** A PUBLISHED, OPEN challenge without NDA, reward 500,000.00 CNY, bidding opened an hour ago for a week. */
export async function insertChallenge(pool: Pool, orgId: string, createdBy: string, title: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO challenge (org_id, created_by, status, title, summary, detail, industry_field, tags, indicators,
                            reward_fen, opens_at, closes_at, eligibility, ip_terms, nda_required, rubric, published_at)
     VALUES ($1, $2, 'PUBLISHED', $3, '高原环境下的在线缺陷检测 online defect detection', '保密细节 confidential detail',
             'ADVANCED_MANUFACTURING', '{传感,AI}',
             '[{"name":"误检率","target":"≤ 0.5","unit":"%","measurement":"10,000 parts sampled"}]',
             50000000, now() - interval '1 hour', now() + interval '7 days', 'OPEN', 'TRANSFER', false,
             '[{"key":"tech","name":"技术方案","description":"","weight":60,"maxScore":100},{"key":"price","name":"报价","description":"","weight":40,"maxScore":100}]',
             now())
     RETURNING id`,
    [orgId, createdBy, title],
  );
  return rows[0].id;
}

/** The body of POST /api/challenges/:id/bids for a team (as the web client sends it). */
export function bidBody(team: BenchTeam, nonce: string): string {
  return JSON.stringify({
    teamId: team.teamId,
    technicalApproach: '基于低功耗 FPGA 的边缘推理 + 多光谱传感融合 (edge inference on a low-power FPGA)',
    proposal: `# 技术方案 Proposal\n\n面向高原环境的在线缺陷检测，目标误检率 ≤ 0.5%。\n\n${'Field trials on three lines; '.repeat(20)}\n\nNonce ${nonce}`,
    quotedPriceFen: 48_000_000,
    durationDays: 180,
    milestones: [
      { title: '样机 Prototype', dueDay: 60, deliverable: 'Bench test report', paymentBasisPoints: 3000 },
      { title: '产线试运行 Pilot on the line', dueDay: 120, deliverable: 'Pilot run report signed by the enterprise', paymentBasisPoints: 3000 },
      { title: '验收 Acceptance', dueDay: 180, deliverable: 'Acceptance test against every indicator', paymentBasisPoints: 4000 },
    ],
    keyPersonnelUserIds: [team.leadId],
    pledgeAccepted: true,
  });
}
