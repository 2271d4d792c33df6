import { TeamEntity } from '@app/database';
import { InvitableTeam } from '@app/domain';
import { EntityManager } from 'typeorm';

/** The bidding service's teams (team, team_member), read to decide who accepts an NDA for a team. */
export class TeamReads {
  constructor(private readonly db: EntityManager) {}

  async byId(teamId: string): Promise<InvitableTeam | null> {
    const team = await this.db.findOneBy(TeamEntity, { id: teamId });
    return team && { id: team.id, orgId: team.orgId };
  }

  /** Whether the user is the team's current lead. */
  async isLead(teamId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM team_member WHERE team_id = $1 AND user_id = $2 AND role = 'LEAD' AND left_at IS NULL`,
      [teamId, userId],
    );
    return rows.length > 0;
  }
}
