import { Forbidden } from '@app/domain';
import { Actor, actsForOrg, authorize, isAdmin, isJudge, ownsOrAdministers } from './policy';

const enterprise: Actor = { userId: 'u1', roles: [], enterpriseOrgIds: ['org-a'] };
const admin: Actor = { userId: 'u2', roles: ['ADMIN'], enterpriseOrgIds: [] };
const judge: Actor = { userId: 'u3', roles: ['JUDGE'], enterpriseOrgIds: [] };

describe('object-level policy', () => {
  it('lets an enterprise member act for its own organisation only', () => {
    expect(actsForOrg(enterprise, 'org-a')).toBe(true);
    expect(actsForOrg(enterprise, 'org-b')).toBe(false);
  });

  it('lets admins administer any organisation, but not act for it', () => {
    expect(ownsOrAdministers(admin, 'org-b')).toBe(true);
    expect(actsForOrg(admin, 'org-b')).toBe(false);
    expect(ownsOrAdministers(judge, 'org-a')).toBe(false);
  });

  it('reads platform roles', () => {
    expect([isAdmin(admin), isAdmin(judge), isJudge(judge), isJudge(enterprise)]).toEqual([true, false, true, false]);
  });

  it('throws a coded Forbidden when not allowed', () => {
    expect(() => authorize(true)).not.toThrow();
    expect(() => authorize(false, 'NOT_CHALLENGE_OWNER', 'Only the owner may edit')).toThrow(Forbidden);
    expect(() => authorize(false, 'NOT_CHALLENGE_OWNER')).toThrow(expect.objectContaining({ code: 'NOT_CHALLENGE_OWNER' }));
  });
});
