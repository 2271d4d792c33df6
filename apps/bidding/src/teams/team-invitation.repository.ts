import { existing, Invitation, INVITATION_ORDER, invitationSelect, InvitationRow, InvitationStore, toInvitation } from '@app/auth';
import { InvitationDecision } from '@app/domain';
import { EntityManager } from 'typeorm';

const SELECT = invitationSelect({ table: 'team_invitation', subject: 'team_id', subjectTable: 'team' });

/** Invitations to join a team (team_invitation); only an accepted one opened a period in team_member. */
export class TeamInvitationRepository implements InvitationStore {
  constructor(private readonly db: EntityManager) {}

  async byId(id: string): Promise<Invitation | null> {
    const [row]: InvitationRow[] = await this.db.query(`${SELECT} WHERE i.id = $1`, [id]);
    return row ? toInvitation(row) : null;
  }

  async lock(id: string): Promise<Invitation> {
    await this.db.query('SELECT 1 FROM team_invitation WHERE id = $1 FOR UPDATE', [id]);
    return existing(await this.byId(id));
  }

  async hasPending(teamId: string, inviteeId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM team_invitation WHERE team_id = $1 AND invitee_id = $2 AND status = 'PENDING'`, [teamId, inviteeId]);
    return rows.length > 0;
  }

  async create(invitation: { subjectId: string; inviteeId: string; role: string; invitedBy: string }): Promise<Invitation> {
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO team_invitation (team_id, invitee_id, role, invited_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [invitation.subjectId, invitation.inviteeId, invitation.role, invitation.invitedBy],
    );
    return existing(await this.byId(id));
  }

  async decide(id: string, status: InvitationDecision, decidedBy: string): Promise<Invitation> {
    await this.db.query(`UPDATE team_invitation SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`, [id, status, decidedBy]);
    return existing(await this.byId(id));
  }

  /** The team's invitations, pending first. */
  async ofTeam(teamId: string): Promise<Invitation[]> {
    return ((await this.db.query(`${SELECT} WHERE i.team_id = $1 ${INVITATION_ORDER}`, [teamId])) as InvitationRow[]).map(toInvitation);
  }

  /** The user's invitations to teams, pending first. */
  async ofInvitee(userId: string): Promise<Invitation[]> {
    return ((await this.db.query(`${SELECT} WHERE i.invitee_id = $1 ${INVITATION_ORDER}`, [userId])) as InvitationRow[]).map(toInvitation);
  }
}
