import { Conflict, Forbidden } from '../errors';

/**
 * Membership by consent (docs/integrity.md): nobody joins a team or an organisation without
 * accepting. Adding someone makes a PENDING invitation; the invitee accepts (the membership begins
 * then) or declines; whoever may invite may revoke it while it is pending. Each decision is final.
 */
export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** What the invitee answers. */
export type InvitationAnswer = 'ACCEPTED' | 'DECLINED';

/** What becomes of an invitation: the invitee's answer, or revoked by someone who may invite. */
export type InvitationDecision = InvitationAnswer | 'REVOKED';

/** What the team or the organisation knows of the person about to be invited. */
export interface InviteeStanding {
  member: boolean;
  pendingInvitation: boolean;
}

/** Refuses an invitation for someone who is a member already (409 ALREADY_MEMBER) or invited already (409 ALREADY_INVITED). */
export function assertInvitable(standing: InviteeStanding): void {
  if (standing.member) throw new Conflict('ALREADY_MEMBER', 'This user is already a member');
  if (standing.pendingInvitation) throw new Conflict('ALREADY_INVITED', 'This user already has a pending invitation here');
}

/** Refuses anyone but the invitee an answer (403 NOT_INVITEE). */
export function assertInvitee(invitation: { inviteeId: string }, userId: string): void {
  if (invitation.inviteeId !== userId) throw new Forbidden('NOT_INVITEE', 'Only the person invited answers this invitation');
}

/** Refuses a decision on an invitation that was decided already (409 INVITATION_NOT_PENDING, with its status). */
export function assertPending(invitation: { status: InvitationStatus }): void {
  if (invitation.status !== 'PENDING') {
    throw new Conflict('INVITATION_NOT_PENDING', `This invitation was ${invitation.status.toLowerCase()} already`, { status: invitation.status });
  }
}
