import { Conflict, Forbidden, NotFound } from '../errors';
import { Invitations, InvitableTeam, isTeamInvited } from '../challenge/invitation';
import { BidStatus } from './bid-lifecycle';

/**
 * Where bidding on a challenge stands. `opened` and `closed` are decided by the database
 * clock (`clock_timestamp() >= opens_at`, `pastDeadlineSql`), never by the application's clock.
 */
export type BiddingPhase = 'HIDDEN' | 'NOT_OPEN' | 'OPEN' | 'CLOSED' | 'CANCELLED';

export interface ChallengeClock {
  status: string;
  /** The database clock has reached opens_at. */
  opened: boolean;
  /** Closed past the deadline (`pastDeadlineSql` by the database clock). */
  closed: boolean;
}

/** Challenges nobody but the owner org and admins may know about. */
const UNPUBLISHED = ['DRAFT', 'SUBMITTED', 'REJECTED'];

export function biddingPhase({ status, opened, closed }: ChallengeClock): BiddingPhase {
  if (UNPUBLISHED.includes(status)) return 'HIDDEN';
  if (status === 'CANCELLED') return 'CANCELLED';
  if (status === 'PUBLISHED') return closed ? 'CLOSED' : opened ? 'OPEN' : 'NOT_OPEN';
  // CLOSED, EVALUATING, AWARDED, IN_DELIVERY, COMPLETED, FAILED: bidding is over.
  return 'CLOSED';
}

/** Throws unless bids may be submitted, revised or withdrawn in this phase. */
export function assertBiddingOpen(phase: BiddingPhase): void {
  switch (phase) {
    case 'OPEN':
      return;
    case 'HIDDEN':
      throw new NotFound('Challenge');
    case 'NOT_OPEN':
      throw new Conflict('BID_WINDOW_NOT_OPEN', 'Bidding on this challenge has not opened yet');
    case 'CANCELLED':
      throw new Conflict('CHALLENGE_CANCELLED', 'This challenge was cancelled; its bids are frozen');
    case 'CLOSED':
      throw new Conflict('BID_WINDOW_CLOSED', 'Bidding on this challenge has closed; bids are frozen');
  }
}

/** Who is looking at a bid, relative to it. */
export interface BidViewer {
  /** A current member of the bidding team. */
  isTeamMember: boolean;
  /** Acts for the challenge's owner organisation, or is an admin. */
  ownsOrAdministers: boolean;
}

/**
 * Sealed bids: the bidding team always reads its own bid; the owner org and admins read it
 * only once bidding has closed, and never a withdrawn one (a withdrawn tender stays unopened).
 * Everyone else never does (judges read bids in their evaluation room, not here).
 */
export function canReadBid(viewer: BidViewer, phase: BiddingPhase, bidStatus: BidStatus): boolean {
  if (viewer.isTeamMember) return true;
  return viewer.ownsOrAdministers && phase === 'CLOSED' && bidStatus !== BidStatus.WITHDRAWN;
}

/** The owner org and admins open the list of bids after closing; everyone else sees a count. */
export function canOpenBids(ownsOrAdministers: boolean, phase: BiddingPhase): boolean {
  return ownsOrAdministers && phase === 'CLOSED';
}

export interface EligibilityRules extends Invitations {
  eligibility: string;
}

/** Open challenges take any team; invite-only ones the invited teams and the teams of invited organisations. */
export function isTeamEligible(rules: EligibilityRules, team: InvitableTeam): boolean {
  return rules.eligibility !== 'INVITE_ONLY' || isTeamInvited(rules, team);
}

/** Why a team may not bid on a challenge of its own enterprise (see {@link selfDealing}). */
export type SelfDealingRule = 'TEAM_ORG_IS_OWNER' | 'MEMBER_OF_OWNER';

/** The refusal's details: which rules apply, and which of the team's current members are also the owner's (user ids only). */
export interface SelfDealing {
  rules: SelfDealingRule[];
  memberUserIds: string[];
}

/** An organisation or a team with its current members, as the self-dealing rule sees them. */
export interface Membership {
  orgId: string | null;
  memberUserIds: readonly string[];
}

/**
 * An enterprise never bids on its own challenge, directly or through its people: the team's
 * organisation is the owner enterprise (TEAM_ORG_IS_OWNER), or one of the team's current members is
 * a current member of it (MEMBER_OF_OWNER). `owner.memberUserIds` may be limited to the team's
 * members (that is all the rule reads). Null when neither holds.
 */
export function selfDealing(owner: Membership & { orgId: string }, team: Membership): SelfDealing | null {
  const rules: SelfDealingRule[] = [];
  if (team.orgId === owner.orgId) rules.push('TEAM_ORG_IS_OWNER');
  const memberUserIds = team.memberUserIds.filter((id) => owner.memberUserIds.includes(id));
  if (memberUserIds.length > 0) rules.push('MEMBER_OF_OWNER');
  return rules.length > 0 ? { rules, memberUserIds } : null;
}

/** Throws Forbidden OWN_CHALLENGE, with the {@link SelfDealing} details, when the team is the owner enterprise's (see selfDealing). */
export function assertNoSelfDealing(owner: Membership & { orgId: string }, team: Membership): void {
  const found = selfDealing(owner, team);
  if (found) {
    throw new Forbidden('OWN_CHALLENGE', 'An enterprise never bids on its own challenge, directly or through its people', found);
  }
}

/**
 * Throws Forbidden when the team may not bid on the challenge: OWN_CHALLENGE when the team belongs
 * to the owner organisation or one of its current members does (assertNoSelfDealing), then
 * TEAM_NOT_ELIGIBLE, then NDA_NOT_ACCEPTED.
 */
export function assertMayBid(
  rules: EligibilityRules & { orgId: string; ownerMemberUserIds: readonly string[]; ndaRequired: boolean },
  team: Membership & { id: string; ndaAccepted: boolean },
): void {
  assertNoSelfDealing({ orgId: rules.orgId, memberUserIds: rules.ownerMemberUserIds }, team);
  if (!isTeamEligible(rules, team)) {
    throw new Forbidden('TEAM_NOT_ELIGIBLE', 'This challenge is invite-only and the team is not invited');
  }
  if (rules.ndaRequired && !team.ndaAccepted) {
    throw new Forbidden('NDA_NOT_ACCEPTED', "The team lead must accept this challenge's NDA before the team bids");
  }
}

/**
 * 形式审查 happens between the close of bidding and the evaluation room: once the challenge is
 * EVALUATING (or later) the shortlist is what the room was convened with, and cannot change.
 */
export function assertShortlistOpen(challengeStatus: string, phase: BiddingPhase): void {
  if (phase !== 'CLOSED') throw new Conflict('BIDDING_NOT_CLOSED', 'Bids are shortlisted only after bidding closes');
  if (challengeStatus !== 'PUBLISHED' && challengeStatus !== 'CLOSED') {
    throw new Conflict('SHORTLIST_FROZEN', `The shortlist is frozen once the challenge is ${challengeStatus}`);
  }
}
