import { ErrorCodeOf, Forbidden } from '@app/domain';
import type { PlatformRole } from '@app/database';

/** A caller with what object-level checks need: roles and the verified enterprises they act for. */
export interface Actor {
  userId: string;
  roles: readonly PlatformRole[];
  enterpriseOrgIds: readonly string[];
}

export const isAdmin = (actor: Pick<Actor, 'roles'>): boolean => actor.roles.includes('ADMIN');

export const isJudge = (actor: Pick<Actor, 'roles'>): boolean => actor.roles.includes('JUDGE');

/** True when the actor acts as `enterprise` for the organisation that owns the object. */
export const actsForOrg = (actor: Actor, orgId: string): boolean => actor.enterpriseOrgIds.includes(orgId);

/** The owner organisation's members or an admin. */
export const ownsOrAdministers = (actor: Actor, orgId: string): boolean => isAdmin(actor) || actsForOrg(actor, orgId);

/** Throws Forbidden (with a stable code) unless `allowed`. */
export function authorize(allowed: boolean, code: ErrorCodeOf<'FORBIDDEN'> = 'FORBIDDEN', message = 'You are not allowed to do this'): void {
  if (!allowed) throw new Forbidden(code, message);
}
