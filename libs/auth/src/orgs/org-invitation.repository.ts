import { InvitationDecision } from '@app/domain';
import { EntityManager } from 'typeorm';
import { existing, Invitation, INVITATION_ORDER, invitationSelect, InvitationRow, InvitationStore, toInvitation } from '../invitations/membership-invitations';

const SELECT = invitationSelect({ table: 'org_invitation', subject: 'org_id', subjectTable: 'organisation' });

/** Invitations to join an organisation (org_invitation); only an accepted one made an org_member row. */
export class OrgInvitationRepository implements InvitationStore {
  constructor(private readonly db: EntityManager) {}

  async byId(id: string): Promise<Invitation | null> {
    const [row]: InvitationRow[] = await this.db.query(`${SELECT} WHERE i.id = $1`, [id]);
    return row ? toInvitation(row) : null;
  }

  async lock(id: string): Promise<Invitation> {
    await this.db.query('SELECT 1 FROM org_invitation WHERE id = $1 FOR UPDATE', [id]);
    return existing(await this.byId(id));
  }

  async hasPending(orgId: string, inviteeId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM org_invitation WHERE org_id = $1 AND invitee_id = $2 AND status = 'PENDING'`, [orgId, inviteeId]);
    return rows.length > 0;
  }

  async create(invitation: { subjectId: string; inviteeId: string; role: string; invitedBy: string }): Promise<Invitation> {
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO org_invitation (org_id, invitee_id, role, invited_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [invitation.subjectId, invitation.inviteeId, invitation.role, invitation.invitedBy],
    );
    return existing(await this.byId(id));
  }

  async decide(id: string, status: InvitationDecision, decidedBy: string): Promise<Invitation> {
    await this.db.query(`UPDATE org_invitation SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`, [id, status, decidedBy]);
    return existing(await this.byId(id));
  }

  /** The organisation's invitations, pending first. */
  async ofOrg(orgId: string): Promise<Invitation[]> {
    return ((await this.db.query(`${SELECT} WHERE i.org_id = $1 ${INVITATION_ORDER}`, [orgId])) as InvitationRow[]).map(toInvitation);
  }

  /** The user's invitations to organisations, pending first. */
  async ofInvitee(userId: string): Promise<Invitation[]> {
    return ((await this.db.query(`${SELECT} WHERE i.invitee_id = $1 ${INVITATION_ORDER}`, [userId])) as InvitationRow[]).map(toInvitation);
  }
}
