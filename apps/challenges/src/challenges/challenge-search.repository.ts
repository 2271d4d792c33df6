import { containsPattern } from '@app/database';
import {
  ChallengeStatus,
  effectiveStatusSql,
  Eligibility,
  InvitationKeys,
  invitedSql,
  PUBLIC_CHALLENGE_STATUSES,
  readsAsStatusSql,
} from '@app/domain';
import { EntityManager } from 'typeorm';

/** The position after the last row of a page: its (created_at, id), the listing's sort key. */
export interface ListCursor {
  /** created_at to the microsecond, as PostgreSQL keeps it (a JS Date would lose the last three digits). */
  createdAt: string;
  id: string;
}

/** Which challenges a list request may return at all, before its filters. */
export type ListScope =
  /** mine=true: every challenge of the caller's enterprises, drafts included. */
  | { kind: 'mine'; orgIds: string[] }
  /** An admin asking for one status (e.g. SUBMITTED, the review queue): everything in it. */
  | { kind: 'everything' }
  /** The public list: published at some point; invite-only ones only for the invited, the owner and admins. */
  | { kind: 'public'; admin: boolean; ownerOrgIds: string[]; invitation: InvitationKeys };

export interface ListFilters {
  q?: string;
  field?: string;
  status?: string;
  tag?: string;
  rewardMin?: number;
  rewardMax?: number;
  closesBefore?: string;
  limit: number;
  cursor: ListCursor | null;
}

/** A challenge as the list shows it, with the cursor of its position. */
export interface ListedChallenge {
  id: string;
  orgId: string;
  orgName: string;
  status: ChallengeStatus;
  version: number;
  title: string;
  summary: string;
  industryField: string;
  tags: string[];
  rewardFen: number;
  winners: number;
  opensAt: Date;
  closesAt: Date;
  eligibility: Eligibility;
  ipTerms: string;
  ndaRequired: boolean;
  publishedAt: Date | null;
  createdAt: Date;
  cursor: ListCursor;
}

interface ListRow {
  id: string;
  org_id: string;
  org_name: string;
  status: ChallengeStatus;
  version: number;
  title: string;
  summary: string;
  industry_field: string;
  tags: string[];
  reward_fen: number;
  winners: number;
  opens_at: Date;
  closes_at: Date;
  eligibility: Eligibility;
  ip_terms: string;
  nda_required: boolean;
  published_at: Date | null;
  created_at: Date;
  cursor_at: string;
}

const { PUBLISHED, CLOSED } = ChallengeStatus;

/*
 * Every filter has a fixed placeholder that is NULL (or false) when it is off. PostgreSQL plans an
 * unnamed statement with its parameter values, so an off filter folds away (`NULL IS NULL OR …` is
 * TRUE) and the plan is the one of the statement without it: the listing and trigram indexes serve
 * as they would (see docs/search.md).
 */
const LIST_SQL = `SELECT c.id, c.org_id, o.name AS org_name, ${effectiveStatusSql('c')} AS status, c.version, c.title, c.summary,
       c.industry_field, c.tags, c.reward_fen, c.winners, c.opens_at, c.closes_at, c.eligibility, c.ip_terms,
       c.nda_required, c.published_at, c.created_at,
       to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
  FROM challenge c JOIN organisation o ON o.id = c.org_id
 WHERE ($1::uuid[] IS NULL OR c.org_id = ANY($1::uuid[]))
   AND (NOT $2::boolean OR c.status = ANY($3::text[]) OR (c.status = 'CANCELLED' AND c.published_at IS NOT NULL))
   AND (NOT $4::boolean OR c.eligibility = 'OPEN' OR c.org_id = ANY($5::uuid[]) OR ${invitedSql('c', '$6::uuid[]', '$7::uuid[]')})
   AND ($8::text IS NULL
        OR ($8::text = '${PUBLISHED}' AND ${readsAsStatusSql('c', PUBLISHED)})
        OR ($8::text = '${CLOSED}' AND ${readsAsStatusSql('c', CLOSED)})
        OR ($8::text NOT IN ('${PUBLISHED}', '${CLOSED}') AND c.status = $8::text))
   AND ($9::text IS NULL OR c.title ILIKE $9::text OR c.summary ILIKE $9::text)
   AND ($10::text IS NULL OR c.industry_field = $10::text)
   AND ($11::text IS NULL OR $11::text = ANY(c.tags))
   AND ($12::bigint IS NULL OR c.reward_fen >= $12::bigint)
   AND ($13::bigint IS NULL OR c.reward_fen <= $13::bigint)
   AND ($14::timestamptz IS NULL OR c.closes_at < $14::timestamptz)
   AND ($15::timestamptz IS NULL OR (c.created_at, c.id) < ($15::timestamptz, $16::uuid))
 ORDER BY c.created_at DESC, c.id DESC
 LIMIT $17`;

/**
 * The list query: one statement, newest first, keyset-paginated on (created_at, id), which
 * ix_challenge_listing serves; `q` is an ILIKE substring match on title and summary, which the
 * trigram GIN indexes serve from 3 characters on (see docs/search.md). Fetches limit + 1 rows
 * to know whether a next page exists.
 */
export function buildListQuery(filters: ListFilters, scope: ListScope): { sql: string; parameters: unknown[] } {
  const restricted = scope.kind === 'public' && !scope.admin;
  return {
    sql: LIST_SQL,
    parameters: [
      scope.kind === 'mine' ? scope.orgIds : null,
      scope.kind === 'public',
      PUBLIC_CHALLENGE_STATUSES,
      restricted,
      restricted ? scope.ownerOrgIds : [],
      restricted ? scope.invitation.teamIds : [],
      restricted ? scope.invitation.orgIds : [],
      filters.status || null,
      filters.q ? containsPattern(filters.q) : null,
      filters.field || null,
      filters.tag || null,
      filters.rewardMin ?? null,
      filters.rewardMax ?? null,
      filters.closesBefore || null,
      filters.cursor?.createdAt ?? null,
      filters.cursor?.id ?? null,
      filters.limit + 1,
    ],
  };
}

/** The challenge list (challenge, with the posting organisation's name read from auth's organisation in the same statement). */
export class ChallengeSearchRepository {
  constructor(private readonly db: EntityManager) {}

  /** Up to limit + 1 challenges of the scope matching the filters, from the cursor on. */
  async page(filters: ListFilters, scope: ListScope): Promise<ListedChallenge[]> {
    const { sql, parameters } = buildListQuery(filters, scope);
    const rows: ListRow[] = await this.db.query(sql, parameters);
    return rows.map((row) => ({
      id: row.id,
      orgId: row.org_id,
      orgName: row.org_name,
      status: row.status,
      version: row.version,
      title: row.title,
      summary: row.summary,
      industryField: row.industry_field,
      tags: row.tags,
      rewardFen: row.reward_fen,
      winners: row.winners,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      eligibility: row.eligibility,
      ipTerms: row.ip_terms,
      ndaRequired: row.nda_required,
      publishedAt: row.published_at,
      createdAt: row.created_at,
      cursor: { createdAt: row.cursor_at, id: row.id },
    }));
  }
}
