import { TeamEntity } from '@app/database';
import { CurrentMember, NotFound, TeamRole } from '@app/domain';
import { EntityManager } from 'typeorm';
import { lockTeamStatement } from '@app/database/statements/bids';

/**
 * Loads a team and locks its row for the rest of the transaction: `update` for membership
 * changes (they serialise, so the last lead can never be removed twice), `share` for bids (the
 * lead and the key personnel stay members while the bid is written).
 */
export async function lockTeam(manager: EntityManager, teamId: string, mode: 'update' | 'share'): Promise<TeamEntity> {
  // A plain statement: bid submission runs it on every request (docs/performance.md, P1).
  const [team]: TeamEntity[] = await manager.query(lockTeamStatement(mode), [teamId]);
  if (!team) throw new NotFound('Team');
  return team;
}

/** The team's current members (left_at IS NULL). */
export async function currentMembers(manager: EntityManager, teamId: string): Promise<CurrentMember[]> {
  const rows: { user_id: string; role: TeamRole }[] = await manager.query(
    'SELECT user_id, role FROM team_member WHERE team_id = $1 AND left_at IS NULL ORDER BY joined_at, id',
    [teamId],
  );
  return rows.map((r) => ({ userId: r.user_id, role: r.role }));
}
