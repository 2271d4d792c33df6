import { OrganisationEntity, PlatformRole, UserEntity } from '@app/database';
import { EntityManager } from 'typeorm';

/** What evaluation reads of auth's user_account and organisation tables. */
export class AccountReads {
  constructor(private readonly db: EntityManager) {}

  async userExists(userId: string): Promise<boolean> {
    return this.db.existsBy(UserEntity, { id: userId });
  }

  async organisationExists(orgId: string): Promise<boolean> {
    return this.db.existsBy(OrganisationEntity, { id: orgId });
  }

  /** The user's platform roles, or null when there is no such user. */
  async roles(userId: string): Promise<PlatformRole[] | null> {
    const [user]: { roles: PlatformRole[] }[] = await this.db.query('SELECT roles FROM user_account WHERE id = $1', [userId]);
    return user?.roles ?? null;
  }

  /** The user's display name ('' when there is no such user). */
  async displayName(userId: string): Promise<string> {
    const [user]: { display_name: string }[] = await this.db.query('SELECT display_name FROM user_account WHERE id = $1', [userId]);
    return user?.display_name ?? '';
  }
}
