import { EntityManager } from 'typeorm';

/** What a bid's eligibility needs from other owners' tables: org_member (auth's) and nda_acceptance (the challenges service's). */
export class EligibilityReads {
  constructor(private readonly db: EntityManager) {}

  /** The organisations these users belong to (an enterprise's people may not bid on its challenges). */
  async orgIdsOf(userIds: string[]): Promise<string[]> {
    const rows: { org_id: string }[] = await this.db.query('SELECT DISTINCT org_id FROM org_member WHERE user_id = ANY($1::uuid[])', [userIds]);
    return rows.map((r) => r.org_id);
  }

  async ndaAccepted(challengeId: string, teamId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM nda_acceptance WHERE challenge_id = $1 AND team_id = $2', [challengeId, teamId]);
    return rows.length > 0;
  }
}
