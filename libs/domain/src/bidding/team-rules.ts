import { Conflict, Forbidden, NotFound } from '../errors';

/** 不求所在，但求所用: a solver team may be any of these, from any country. */
export const TEAM_KINDS = ['RESEARCH_GROUP', 'UNIVERSITY_LAB', 'COMPANY', 'INDIVIDUAL_EXPERT'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_ROLES = ['LEAD', 'MEMBER'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface CurrentMember {
  userId: string;
  role: TeamRole;
}

/** Throws Forbidden NOT_TEAM_LEAD unless `userId` is a current lead of the team. */
export function assertTeamLead(members: readonly CurrentMember[], userId: string): void {
  if (!members.some((m) => m.userId === userId && m.role === 'LEAD')) {
    throw new Forbidden('NOT_TEAM_LEAD', 'Only a lead of this team may do this');
  }
}

/**
 * Who may end a membership: a lead removes anyone, a member removes only themselves; a team
 * always keeps at least one lead. Throws NotFound MEMBER_NOT_FOUND, Forbidden NOT_TEAM_LEAD or
 * Conflict LAST_LEAD.
 */
export function assertMayRemoveMember(members: readonly CurrentMember[], callerId: string, targetUserId: string): void {
  const target = members.find((m) => m.userId === targetUserId);
  if (callerId !== targetUserId) assertTeamLead(members, callerId);
  if (!target) throw new NotFound('Member');
  if (target.role === 'LEAD' && members.filter((m) => m.role === 'LEAD').length === 1) {
    throw new Conflict('LAST_LEAD', 'A team keeps at least one lead: have another lead join first');
  }
}
