import type { PlatformRole } from '@app/database';
import type { EntityManager } from 'typeorm';
import { UserRepository } from './user.repository';

/**
 * Grants a platform role: auth owns user_account, and this is how other services
 * (e.g. evaluation, adding an expert who becomes a JUDGE) change roles. Idempotent;
 * the user's next access token carries the role.
 */
export async function grantRole(manager: EntityManager, userId: string, role: PlatformRole): Promise<void> {
  await new UserRepository(manager).grantRole(userId, role);
}
