import { assertInvitable, assertInvitee, assertPending, InvitationDecision, InvitationStatus, NotFound } from '@app/domain';
import type { InvitationKind, InvitationView } from '../dto/invitation.dto';

/**
 * What teams (apps/bidding, team_invitation) and organisations (libs/auth, org_invitation) share of
 * their invitations: the row they read, its view, and the one way an invitation is decided. Each
 * owner keeps its own table and repository; docs/integrity.md, "Membership by consent".
 */
export interface Invitation {
  id: string;
  /** The team's or the organisation's id. */
  subjectId: string;
  subjectName: string;
  role: string;
  inviteeId: string;
  inviteeName: string;
  invitedById: string;
  invitedByName: string;
  invitedAt: Date;
  status: InvitationStatus;
  decidedById: string | null;
  decidedAt: Date | null;
}

/** Where an invitation table is, for {@link invitationSelect}. */
export interface InvitationTable {
  table: 'team_invitation' | 'org_invitation';
  subject: 'team_id' | 'org_id';
  subjectTable: 'team' | 'organisation';
}

/** `SELECT … FROM <table> i` with the subject's and both people's names, to be followed by `WHERE`; rows map with {@link toInvitation}. */
export const invitationSelect = ({ table, subject, subjectTable }: InvitationTable): string =>
  `SELECT i.id, i.${subject} AS subject_id, s.name AS subject_name, i.role, i.invitee_id, invitee.display_name AS invitee_name,
          i.invited_by, inviter.display_name AS invited_by_name, i.invited_at, i.status, i.decided_by, i.decided_at
     FROM ${table} i JOIN ${subjectTable} s ON s.id = i.${subject}
     JOIN user_account invitee ON invitee.id = i.invitee_id JOIN user_account inviter ON inviter.id = i.invited_by`;

/** Pending first, then the newest: how every list of invitations is ordered. */
export const INVITATION_ORDER = `ORDER BY i.status = 'PENDING' DESC, i.invited_at DESC, i.id`;

export interface InvitationRow {
  id: string;
  subject_id: string;
  subject_name: string;
  role: string;
  invitee_id: string;
  invitee_name: string;
  invited_by: string;
  invited_by_name: string;
  invited_at: Date;
  status: InvitationStatus;
  decided_by: string | null;
  decided_at: Date | null;
}

export const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  subjectId: r.subject_id,
  subjectName: r.subject_name,
  role: r.role,
  inviteeId: r.invitee_id,
  inviteeName: r.invitee_name,
  invitedById: r.invited_by,
  invitedByName: r.invited_by_name,
  invitedAt: r.invited_at,
  status: r.status,
  decidedById: r.decided_by,
  decidedAt: r.decided_at,
});

/** The invitation read back, or 404 INVITATION_NOT_FOUND. */
export function existing(invitation: Invitation | null): Invitation {
  if (!invitation) throw new NotFound('Invitation');
  return invitation;
}

export function invitationView(kind: InvitationKind, invitation: Invitation): InvitationView {
  return {
    id: invitation.id,
    kind,
    teamId: kind === 'TEAM' ? invitation.subjectId : null,
    orgId: kind === 'ORGANISATION' ? invitation.subjectId : null,
    name: invitation.subjectName,
    role: invitation.role,
    inviteeId: invitation.inviteeId,
    inviteeName: invitation.inviteeName,
    invitedById: invitation.invitedById,
    invitedByName: invitation.invitedByName,
    invitedAt: invitation.invitedAt.toISOString(),
    status: invitation.status,
    decidedById: invitation.decidedById,
    decidedAt: invitation.decidedAt?.toISOString() ?? null,
  };
}

/** Pending first, then the newest (the order of {@link INVITATION_ORDER}), for lists merged from both tables. */
export function byPendingThenNewest(a: InvitationView, b: InvitationView): number {
  const pending = Number(b.status === 'PENDING') - Number(a.status === 'PENDING');
  return pending !== 0 ? pending : b.invitedAt.localeCompare(a.invitedAt) || a.id.localeCompare(b.id);
}

/** An owner's invitation table, as {@link invite} and {@link decideInvitation} need it (its repository). */
export interface InvitationStore {
  byId(id: string): Promise<Invitation | null>;
  /** The invitation locked for update. */
  lock(id: string): Promise<Invitation>;
  hasPending(subjectId: string, inviteeId: string): Promise<boolean>;
  create(invitation: { subjectId: string; inviteeId: string; role: string; invitedBy: string }): Promise<Invitation>;
  /** Records the decision (decided now, the database clock) and answers the invitation as it now stands. */
  decide(id: string, status: InvitationDecision, decidedBy: string): Promise<Invitation>;
}

/** The team or the organisation an invitation is to, as {@link invite} and {@link decideInvitation} need it. */
export interface InvitationSubject {
  /** Locks the team or organisation row (404 when there is none), so its membership changes and invitations run one at a time. */
  lock(subjectId: string): Promise<void>;
  /** Refuses (403, with the subject's code) a caller who may not invite or revoke: a team's leads, an organisation's owners may. */
  assertMayInvite(subjectId: string, userId: string): Promise<void>;
  isMember(subjectId: string, userId: string): Promise<boolean>;
  /** Begins the membership the accepted invitation offers (joined now, the database clock). */
  join(invitation: Invitation): Promise<void>;
}

/**
 * Invites someone (inside the caller's transaction): refuses a caller who may not invite before
 * looking the invitee up (so a refusal tells nothing of the account), then someone who is a member
 * already (409 ALREADY_MEMBER) or invited already (409 ALREADY_INVITED).
 */
export async function invite(
  invitations: InvitationStore,
  subject: InvitationSubject,
  request: { subjectId: string; invitedBy: string; role: string; findInvitee: () => Promise<string> },
): Promise<Invitation> {
  await subject.lock(request.subjectId);
  await subject.assertMayInvite(request.subjectId, request.invitedBy);
  const inviteeId = await request.findInvitee();
  assertInvitable({
    member: await subject.isMember(request.subjectId, inviteeId),
    pendingInvitation: await invitations.hasPending(request.subjectId, inviteeId),
  });
  return invitations.create({ subjectId: request.subjectId, inviteeId, role: request.role, invitedBy: request.invitedBy });
}

/**
 * Decides an invitation (inside the caller's transaction): the invitee accepts or declines, whoever
 * may invite revokes; only while it is pending. Acceptance begins the membership in the same
 * transaction, so its joined date is the decision's. The subject is locked before the invitation,
 * as when inviting, so decisions and invitations on one team or organisation run one at a time.
 * Throws 404 INVITATION_NOT_FOUND, 403 NOT_INVITEE (or the subject's refusal), 409 INVITATION_NOT_PENDING.
 */
export async function decideInvitation(
  invitations: InvitationStore,
  subject: InvitationSubject,
  request: { invitationId: string; userId: string; decision: InvitationDecision },
): Promise<Invitation> {
  const found = existing(await invitations.byId(request.invitationId));
  if (request.decision !== 'REVOKED') assertInvitee(found, request.userId);
  await subject.lock(found.subjectId);
  if (request.decision === 'REVOKED') await subject.assertMayInvite(found.subjectId, request.userId);
  const invitation = await invitations.lock(request.invitationId);
  assertPending(invitation);
  if (request.decision === 'ACCEPTED') await subject.join(invitation);
  return invitations.decide(request.invitationId, request.decision, request.userId);
}
