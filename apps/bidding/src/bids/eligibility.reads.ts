import { EntityManager } from 'typeorm';

/** What a bid's eligibility needs from other owners' tables: org_member (auth's) and nda_acceptance (the challenges service's). */
export class EligibilityReads {
  constructor(private readonly db: EntityManager) {}

  /** Those of these users who are current members of the organisation (an enterprise's people may not bid on its challenges). */
  async membersOf(orgId: string, userIds: readonly string[]): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query('SELECT user_id FROM org_member WHERE org_id = $1 AND user_id = ANY($2::uuid[])', [
      orgId,
      userIds,
    ]);
    return rows.map((r) => r.user_id);
  }

  async ndaAccepted(challengeId: string, teamId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM nda_acceptance WHERE challenge_id = $1 AND team_id = $2', [challengeId, teamId]);
    return rows.length > 0;
  }
}
