import { ChallengeStatus } from './challenge-lifecycle';
import { Eligibility } from './challenge-rules';

const { PUBLISHED, CLOSED, EVALUATING, AWARDED, IN_DELIVERY, COMPLETED, FAILED, CANCELLED } = ChallengeStatus;

/** Statuses in which a challenge is on the public list (榜单). CANCELLED only if it was published before. */
export const PUBLIC_CHALLENGE_STATUSES: readonly ChallengeStatus[] = [
  PUBLISHED,
  CLOSED,
  EVALUATING,
  AWARDED,
  IN_DELIVERY,
  COMPLETED,
  FAILED,
];

/** What the visibility rules need to know about a challenge. */
export interface ChallengeAudience {
  /** The effective status (a PUBLISHED challenge past its deadline is CLOSED). */
  status: ChallengeStatus;
  /** Whether it was ever published (a cancelled published challenge stays on the list, marked CANCELLED). */
  wasPublished: boolean;
  eligibility: Eligibility;
  ndaRequired: boolean;
}

/** What the visibility rules need to know about the reader, relative to one challenge. */
export interface ChallengeReader {
  signedIn: boolean;
  admin: boolean;
  /** Acts as enterprise for the organisation that owns the challenge. */
  ownerOrg: boolean;
  /** A current member of an invited team, or a member of an invited organisation. */
  invited: boolean;
  /** A current member of a team whose lead accepted this challenge's NDA. */
  ndaAccepted: boolean;
  /** Sits on the panel of this challenge's evaluation room. */
  judgeOfRoom: boolean;
}

/** Published at some point, and not withdrawn from the public before publication. */
export function isOnPublicList(challenge: Pick<ChallengeAudience, 'status' | 'wasPublished'>): boolean {
  return PUBLIC_CHALLENGE_STATUSES.includes(challenge.status) || (challenge.status === CANCELLED && challenge.wasPublished);
}

/**
 * Whether the reader may know the challenge exists at all. Drafts, submitted and rejected challenges
 * (and challenges cancelled before publication) belong to the owner organisation and the bureau;
 * an invite-only challenge is shown to the invited only.
 */
export function canSeeChallenge(challenge: ChallengeAudience, reader: ChallengeReader): boolean {
  if (reader.admin || reader.ownerOrg) return true;
  if (!isOnPublicList(challenge)) return false;
  return challenge.eligibility === 'OPEN' || (reader.signedIn && (reader.invited || reader.judgeOfRoom));
}

/**
 * Whether the reader may read the confidential detail. Never anonymous readers; always the owner
 * organisation and the bureau; the room's judges; otherwise, when an NDA is required, only members
 * of a team whose lead accepted it, and when none is required, every signed-in reader who sees the challenge.
 */
export function canSeeDetail(challenge: ChallengeAudience, reader: ChallengeReader): boolean {
  if (!canSeeChallenge(challenge, reader) || !reader.signedIn) return false;
  if (reader.admin || reader.ownerOrg || reader.judgeOfRoom) return true;
  return !challenge.ndaRequired || reader.ndaAccepted;
}
