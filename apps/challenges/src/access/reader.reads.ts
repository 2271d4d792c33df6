import { InvitationKeys, invitationKeysSql } from '@app/domain';
import { EntityManager } from 'typeorm';

/** What a reader is to challenges, read from other services' tables: bidding's teams, auth's memberships, evaluation's panels. */
export class ReaderReads {
  constructor(private readonly db: EntityManager) {}

  /** The user's invitation keys: their current teams, and the organisations of these teams and of their memberships. */
  async invitationKeys(userId: string): Promise<InvitationKeys> {
    const [row]: { team_ids: string[]; org_ids: string[] }[] = await this.db.query(`SELECT ${invitationKeysSql('$1::uuid')}`, [userId]);
    return { teamIds: row.team_ids, orgIds: row.org_ids };
  }

  /**
   * In one statement: whether one of the teams accepted the challenge's NDA (nda_acceptance, this
   * service's own), and whether the user sits on the panel of its evaluation room (evaluation's
   * room_panel_member and evaluation_room).
   */
  async facts(challengeId: string, teamIds: readonly string[], userId: string): Promise<{ nda: boolean; judge: boolean }> {
    const [row]: { nda: boolean; judge: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM nda_acceptance WHERE challenge_id = $1 AND team_id = ANY($2::uuid[])) AS nda,
              EXISTS (SELECT 1 FROM room_panel_member p JOIN evaluation_room r ON r.id = p.room_id
                       WHERE r.challenge_id = $1 AND p.user_id = $3) AS judge`,
      [challengeId, teamIds, userId],
    );
    return { nda: row.nda, judge: row.judge };
  }
}
