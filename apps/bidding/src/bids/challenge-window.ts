import type { Actor } from '@app/auth';
import { actsForOrg, isAdmin } from '@app/auth';
import { BiddingPhase, canSeeChallenge, ChallengeStatus, Eligibility, effectiveChallengeStatus, NotFound } from '@app/domain';

/** A challenge as bidding sees it (ChallengeWindowReads), with the phase decided by the database clock at the time of reading. */
export interface ChallengeWindow {
  id: string;
  orgId: string;
  title: string;
  status: ChallengeStatus;
  rewardFen: number;
  eligibility: Eligibility;
  invitedTeamIds: string[];
  invitedOrgIds: string[];
  ndaRequired: boolean;
  closesAt: Date;
  wasPublished: boolean;
  /** The database's clock_timestamp() when the row was read (after its lock, if any): a bid's receive time. */
  dbNow: Date;
  phase: BiddingPhase;
  /** The reader is invited (`isInvited` of @app/domain, applied in SQL). */
  readerInvited: boolean;
}

/** The owner organisation's enterprise users or an admin. */
export const ownsOrAdministersChallenge = (actor: Actor | null, challenge: ChallengeWindow): boolean =>
  actor !== null && (isAdmin(actor) || actsForOrg(actor, challenge.orgId));

/**
 * The challenge as the reader may know it, or 404 CHALLENGE_NOT_FOUND: the challenges service's
 * visibility rule, fed with the database clock's effective status.
 */
export function visibleChallenge(challenge: ChallengeWindow | null, actor: Actor | null): ChallengeWindow {
  if (!challenge) throw new NotFound('Challenge');
  const visible = canSeeChallenge(
    {
      status: effectiveChallengeStatus(challenge.status, challenge.closesAt, challenge.dbNow),
      wasPublished: challenge.wasPublished,
      eligibility: challenge.eligibility,
      ndaRequired: challenge.ndaRequired,
    },
    {
      signedIn: actor !== null,
      admin: actor !== null && isAdmin(actor),
      ownerOrg: actor !== null && actsForOrg(actor, challenge.orgId),
      invited: challenge.readerInvited,
      // Evaluation rooms belong to the evaluation service; its judges read bids in their room.
      judgeOfRoom: false,
      ndaAccepted: false,
    },
  );
  if (!visible) throw new NotFound('Challenge');
  return challenge;
}
