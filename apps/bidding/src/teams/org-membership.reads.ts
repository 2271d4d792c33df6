import { EntityManager } from 'typeorm';

/** org_member (auth's table), as teams read it. */
export class OrgMembershipReads {
  constructor(private readonly db: EntityManager) {}

  async isMember(orgId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM org_member WHERE org_id = $1 AND user_id = $2', [orgId, userId]);
    return rows.length > 0;
  }
}
