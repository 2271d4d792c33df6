import { Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '@app/auth';
import { containsPattern } from '@app/database';
import {
  ChallengeStatus,
  effectiveStatusSql,
  InvitationKeys,
  invitedSql,
  PUBLIC_CHALLENGE_STATUSES,
  readsAsStatusSql, Unauthenticated, ValidationFailed } from '@app/domain';
import { DataSource } from 'typeorm';
import { ChallengeAccess, Reader } from '../access/challenge-access.service';
import { ListRow, toListItemView } from './challenge.views';
import { ChallengePageView, ListChallengesQuery } from './dto/challenge.dto';

export const DEFAULT_PAGE_SIZE = 20;

/** The position after the last row of a page: its (created_at, id), the listing's sort key. */
export interface ListCursor {
  /** created_at to the microsecond, as PostgreSQL keeps it (a JS Date would lose the last three digits). */
  createdAt: string;
  id: string;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !CURSOR_TIME.test(String(parsed[0])) || !UUID.test(String(parsed[1]))) {
    throw ValidationFailed.field('cursor', 'is not a cursor of this list (pass nextCursor of the previous page)');
  }
  return { createdAt: String(parsed[0]), id: String(parsed[1]) };
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

/**
 * The list query: one statement, newest first, keyset-paginated on (created_at, id), which
 * ix_challenge_listing serves; `q` is an ILIKE substring match on title and summary, which the
 * trigram GIN indexes serve from 3 characters on (see docs/search.md). Fetches limit + 1 rows
 * to know whether a next page exists.
 */
export function buildListQuery(filters: ListFilters, scope: ListScope): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const param = (value: unknown, cast = ''): string => {
    parameters.push(value);
    return `$${parameters.length}${cast}`;
  };
  const where: string[] = [];

  if (scope.kind === 'mine') where.push(`c.org_id = ANY(${param(scope.orgIds, '::uuid[]')})`);
  if (scope.kind === 'public') {
    where.push(
      `(c.status = ANY(${param(PUBLIC_CHALLENGE_STATUSES, '::text[]')}) OR (c.status = 'CANCELLED' AND c.published_at IS NOT NULL))`,
    );
    if (!scope.admin) {
      where.push(
        `(c.eligibility = 'OPEN'` +
          ` OR c.org_id = ANY(${param(scope.ownerOrgIds, '::uuid[]')})` +
          ` OR ${invitedSql('c', param(scope.invitation.teamIds, '::uuid[]'), param(scope.invitation.orgIds, '::uuid[]'))})`,
      );
    }
  }

  if (filters.status === ChallengeStatus.PUBLISHED || filters.status === ChallengeStatus.CLOSED) where.push(readsAsStatusSql('c', filters.status));
  else if (filters.status) where.push(`c.status = ${param(filters.status)}`);
  if (filters.q) {
    const pattern = param(containsPattern(filters.q));
    where.push(`(c.title ILIKE ${pattern} OR c.summary ILIKE ${pattern})`);
  }
  if (filters.field) where.push(`c.industry_field = ${param(filters.field)}`);
  if (filters.tag) where.push(`${param(filters.tag)} = ANY(c.tags)`);
  if (filters.rewardMin !== undefined) where.push(`c.reward_fen >= ${param(filters.rewardMin)}`);
  if (filters.rewardMax !== undefined) where.push(`c.reward_fen <= ${param(filters.rewardMax)}`);
  if (filters.closesBefore) where.push(`c.closes_at < ${param(filters.closesBefore, '::timestamptz')}`);
  if (filters.cursor) {
    where.push(`(c.created_at, c.id) < (${param(filters.cursor.createdAt, '::timestamptz')}, ${param(filters.cursor.id, '::uuid')})`);
  }

  const sql = `SELECT c.id, c.org_id, o.name AS org_name, ${effectiveStatusSql('c')} AS status, c.version, c.title, c.summary,
       c.industry_field, c.tags, c.reward_fen, c.winners, c.opens_at, c.closes_at, c.eligibility, c.ip_terms,
       c.nda_required, c.published_at, c.created_at,
       to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
  FROM challenge c JOIN organisation o ON o.id = c.org_id
 WHERE ${where.length ? where.join('\n   AND ') : 'TRUE'}
 ORDER BY c.created_at DESC, c.id DESC
 LIMIT ${param(filters.limit + 1)}`;
  return { sql, parameters };
}

export function listScope(reader: Reader, query: Pick<ListChallengesQuery, 'mine' | 'status'>): ListScope {
  const ownerOrgIds = [...(reader.actor?.enterpriseOrgIds ?? [])];
  const admin = reader.actor !== null && isAdmin(reader.actor);
  if (query.mine) return { kind: 'mine', orgIds: ownerOrgIds };
  if (admin && query.status) return { kind: 'everything' };
  return { kind: 'public', admin, ownerOrgIds, invitation: { teamIds: reader.teamIds, orgIds: reader.orgIds } };
}

/** GET /api/challenges: the public list (榜单), the caller's own challenges, the bureau's review queue. */
@Injectable()
export class ChallengeSearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChallengeAccess,
  ) {}

  async list(user: AuthUser | null, query: ListChallengesQuery): Promise<ChallengePageView> {
    if (query.mine && !user) throw new Unauthenticated('TOKEN_MISSING', "Sign in to list your organisations' challenges");
    if (query.rewardMin !== undefined && query.rewardMax !== undefined && query.rewardMin > query.rewardMax) {
      throw ValidationFailed.field('rewardMax', 'must not be less than rewardMin');
    }
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const reader = await this.access.reader(user);
    const { sql, parameters } = buildListQuery(
      {
        q: query.q,
        field: query.field,
        status: query.status,
        tag: query.tag,
        rewardMin: query.rewardMin,
        rewardMax: query.rewardMax,
        closesBefore: query.closesBefore,
        limit,
        cursor,
      },
      listScope(reader, query),
    );
    const rows: (ListRow & { cursor_at: string })[] = await this.dataSource.query(sql, parameters);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListItemView),
      nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null,
    };
  }
}
