import type { PlatformRole } from '@app/database';
import type { EntityManager } from 'typeorm';

/**
 * Grants a platform role: auth owns user_account, and this is how other services
 * (e.g. evaluation, adding an expert who becomes a JUDGE) change roles. Idempotent;
 * the user's next access token carries the role.
 */
export async function grantRole(manager: EntityManager, userId: string, role: PlatformRole): Promise<void> {
  await manager.query(`UPDATE user_account SET roles = array_append(roles, $2) WHERE id = $1 AND NOT ($2 = ANY(roles))`, [
    userId,
    role,
  ]);
}
