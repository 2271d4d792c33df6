import { assertBelowCap } from '@app/auth';
import { containsPattern, TeamEntity, TeamMemberEntity } from '@app/database';
import { lockTeamStatement } from '@app/database/statements/bids';
import { CurrentMember, NotFound, TeamKind, TeamRole } from '@app/domain';
import { EntityManager } from 'typeorm';

/** A team's public profile, with its organisation's name. */
export interface TeamProfile {
  id: string;
  name: string;
  kind: TeamKind;
  country: string;
  orgId: string | null;
  orgName: string | null;
  createdAt: Date;
}

/** A team as the list shows it, with the reader's role in it. */
export interface TeamSummary {
  id: string;
  name: string;
  kind: TeamKind;
  country: string;
  orgId: string | null;
  memberCount: number;
  myRole: TeamRole | null;
  createdAt: Date;
}

/** One period of membership, with the member's name and email. */
export interface MembershipPeriod {
  userId: string;
  displayName: string;
  email: string;
  role: TeamRole;
  joinedAt: Date;
  leftAt: Date | null;
}

/** A team row as its statements select it. */
interface TeamRow {
  id: string;
  name: string;
  kind: TeamKind;
  country: string;
  org_id: string | null;
  created_at: Date;
}

interface MemberRow {
  user_id: string;
  display_name: string;
  email: string;
  role: TeamRole;
  joined_at: Date;
  left_at: Date | null;
}

/** The team and team_member tables. */
export class TeamRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Loads a team and locks its row for the rest of the transaction, or 404 TEAM_NOT_FOUND:
   * `update` for membership changes (they serialise, so the last lead can never be removed twice),
   * `share` for bids (the lead and the key personnel stay members while the bid is written).
   */
  async lock(teamId: string, mode: 'update' | 'share'): Promise<TeamEntity> {
    // A plain statement: bid submission runs it on every request (docs/performance.md, P1).
    const [team]: TeamEntity[] = await this.db.query(lockTeamStatement(mode), [teamId]);
    if (!team) throw new NotFound('Team');
    return team;
  }

  byIdOrFail(teamId: string): Promise<TeamEntity> {
    return this.db.findOneByOrFail(TeamEntity, { id: teamId });
  }

  exists(teamId: string): Promise<boolean> {
    return this.db.existsBy(TeamEntity, { id: teamId });
  }

  /** The team's current members (left_at IS NULL), in the order they joined. */
  async currentMembers(teamId: string): Promise<CurrentMember[]> {
    const rows: { user_id: string; role: TeamRole }[] = await this.db.query(
      'SELECT user_id, role FROM team_member WHERE team_id = $1 AND left_at IS NULL ORDER BY joined_at, id',
      [teamId],
    );
    return rows.map((r) => ({ userId: r.user_id, role: r.role }));
  }

  /** Refuses with 409 TEAM_LIMIT_REACHED a user who already created `limit` teams (counted under libs/auth's per-user cap lock). */
  assertBelowCreatedCap(userId: string, limit: number): Promise<void> {
    return assertBelowCap(this.db, userId, {
      what: 'teams',
      code: 'TEAM_LIMIT_REACHED',
      limit,
      count: 'SELECT count(*)::int AS n FROM team WHERE created_by = $1',
    });
  }

  create(team: Pick<TeamEntity, 'name' | 'kind' | 'country' | 'orgId' | 'createdBy'>): Promise<TeamEntity> {
    return this.db.save(this.db.create(TeamEntity, team));
  }

  /** Opens a period of membership; answers when it began. */
  async addMember(teamId: string, userId: string, role: TeamRole): Promise<Date> {
    const result = await this.db.insert(TeamMemberEntity, { teamId, userId, role, leftAt: null });
    const generated = result.generatedMaps[0] as Partial<TeamMemberEntity>;
    if (!generated.joinedAt) throw new Error('team_member: joined_at was not returned');
    return generated.joinedAt;
  }

  /** Closes the user's current period of membership (left_at), never deleting it. */
  async endMembership(teamId: string, userId: string): Promise<void> {
    await this.db.query('UPDATE team_member SET left_at = now() WHERE team_id = $1 AND user_id = $2 AND left_at IS NULL', [teamId, userId]);
  }

  /** The team with its organisation's name (read in the same statement from auth's organisation), or null. */
  async profile(teamId: string): Promise<TeamProfile | null> {
    const rows: (TeamRow & { org_name: string | null })[] = await this.db.query(
      `SELECT t.id, t.name, t.kind, t.country, t.org_id, t.created_at, o.name AS org_name
         FROM team t LEFT JOIN organisation o ON o.id = t.org_id WHERE t.id = $1`,
      [teamId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      country: row.country.trim(),
      orgId: row.org_id,
      orgName: row.org_name,
      createdAt: row.created_at,
    };
  }

  /**
   * The newest 200 teams, with the reader's role in each; `mine` keeps the reader's teams only and
   * `nameContains` those whose name contains it (in any case).
   */
  async summaries(readerId: string, filter: { mine: boolean; nameContains: string | null }): Promise<TeamSummary[]> {
    const rows: (TeamRow & { member_count: number; my_role: TeamRole | null })[] = await this.db.query(
      `SELECT t.id, t.name, t.kind, t.country, t.org_id, t.created_at, me.role AS my_role,
              (SELECT count(*)::int FROM team_member m WHERE m.team_id = t.id AND m.left_at IS NULL) AS member_count
         FROM team t
         LEFT JOIN team_member me ON me.team_id = t.id AND me.user_id = $1 AND me.left_at IS NULL
        WHERE (NOT $2::boolean OR me.user_id IS NOT NULL) AND ($3::text IS NULL OR t.name ILIKE $3)
        ORDER BY t.created_at DESC, t.id LIMIT 200`,
      [readerId, filter.mine, filter.nameContains === null ? null : containsPattern(filter.nameContains)],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      country: r.country.trim(),
      orgId: r.org_id,
      memberCount: r.member_count,
      myRole: r.my_role,
      createdAt: r.created_at,
    }));
  }

  /**
   * The team's periods of membership (only the current ones with `currentOnly`), in the order they
   * began, with each member's name and email read in the same statement from auth's user_account.
   */
  async memberships(teamId: string, opts: { currentOnly: boolean }): Promise<MembershipPeriod[]> {
    const rows: MemberRow[] = await this.db.query(
      `SELECT m.user_id, u.display_name, u.email, m.role, m.joined_at, m.left_at
         FROM team_member m JOIN user_account u ON u.id = m.user_id
        WHERE m.team_id = $1 AND (NOT $2::boolean OR m.left_at IS NULL)
        ORDER BY m.joined_at, m.id`,
      [teamId, opts.currentOnly],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
      joinedAt: r.joined_at,
      leftAt: r.left_at,
    }));
  }
}
