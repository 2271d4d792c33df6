import { Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '@app/auth';
import { connectionManager } from '@app/database';
import { Unauthenticated, ValidationFailed } from '@app/domain';
import { DataSource } from 'typeorm';
import { ChallengeAccess, Reader } from '../access/challenge-access.service';
import { ChallengeSearchRepository, ListCursor, ListScope } from './challenge-search.repository';
import { toListItemView } from './challenge.views';
import { ChallengePageView, ListChallengesQuery } from './dto/challenge.dto';

export const DEFAULT_PAGE_SIZE = 20;

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
    const rows = await new ChallengeSearchRepository(connectionManager(this.dataSource)).page(
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
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListItemView),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursor) : null,
    };
  }
}
