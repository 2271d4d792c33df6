/**
 * Who an invite-only challenge invites. An invitation names teams and organisations; an invited
 * organisation invites its people and its teams. So a reader is invited when one of their current
 * teams is named, when one of their current teams belongs to a named organisation, or when they are
 * a member of a named organisation. Reading the challenge and bidding on it decide it with this rule.
 */
export interface Invitations {
  invitedTeamIds: readonly string[];
  invitedOrgIds: readonly string[];
}

/** What an invitation can name about someone: their current teams and the organisations they belong to, directly or through a current team. */
export interface InvitationKeys {
  teamIds: readonly string[];
  orgIds: readonly string[];
}

/** A team as an invitation sees it. */
export interface InvitableTeam {
  id: string;
  orgId: string | null;
}

/** The keys of a reader: their current teams (and these teams' organisations) and their organisation memberships. */
export function invitationKeys(teams: readonly InvitableTeam[], memberOrgIds: readonly string[] = []): InvitationKeys {
  const teamOrgIds = teams.flatMap((team) => (team.orgId === null ? [] : [team.orgId]));
  return { teamIds: teams.map((team) => team.id), orgIds: [...new Set([...teamOrgIds, ...memberOrgIds])] };
}

/** Whether the invitations name one of the keys (see {@link invitedSql} for the same rule in SQL). */
export function isInvited(invitations: Invitations, keys: InvitationKeys): boolean {
  return (
    keys.teamIds.some((id) => invitations.invitedTeamIds.includes(id)) || keys.orgIds.some((id) => invitations.invitedOrgIds.includes(id))
  );
}

/** A team is invited when it is named or its organisation is. */
export const isTeamInvited = (invitations: Invitations, team: InvitableTeam): boolean => isInvited(invitations, invitationKeys([team]));

/**
 * {@link invitationKeys} in SQL for the user in `user` (a uuid parameter or expression; NULL gives
 * empty keys): the select list `team_ids, org_ids`, from team_member, team and org_member.
 */
export const invitationKeysSql = (user: string): string =>
  `ARRAY(SELECT m.team_id FROM team_member m WHERE m.user_id = ${user} AND m.left_at IS NULL) AS team_ids,
   ARRAY(SELECT t.org_id FROM team_member m JOIN team t ON t.id = m.team_id
          WHERE m.user_id = ${user} AND m.left_at IS NULL AND t.org_id IS NOT NULL
         UNION SELECT o.org_id FROM org_member o WHERE o.user_id = ${user}) AS org_ids`;

/** {@link isInvited} in SQL: whether the challenge row `challenge` invites the keys in the uuid[] expressions `teamIds` and `orgIds`. */
export const invitedSql = (challenge: string, teamIds: string, orgIds: string): string =>
  `(${challenge}.invited_team_ids && ${teamIds} OR ${challenge}.invited_org_ids && ${orgIds})`;
