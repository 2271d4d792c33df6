import { ChallengeEntity, NdaAcceptanceEntity } from '@app/database';
import { ChallengeStatus } from '@app/domain';
import type { VisibleChallenge } from '../access/challenge-access.service';
import type { ListedChallenge } from './challenge-search.repository';
import { StoredTerms, storeTerms, termsFromEntity } from './challenge-terms';
import { ChallengeListItemView, ChallengeTermsView, ChallengeView, NdaAcceptanceView } from './dto/challenge.dto';

export function termsOf(entity: ChallengeEntity): StoredTerms {
  return storeTerms(termsFromEntity(entity));
}

/** What a reader may see of some terms: the detail only if allowed, invitations only for the owner and the bureau. */
export interface Disclosure {
  detail: boolean;
  invitations: boolean;
}

export function disclosureFor(challenge: VisibleChallenge, detailVisible: boolean): Disclosure {
  return { detail: detailVisible, invitations: challenge.relation.ownerOrg || challenge.relation.admin };
}

export function toTermsView(terms: StoredTerms, disclose: Disclosure): ChallengeTermsView {
  return {
    ...terms,
    detail: disclose.detail ? terms.detail : null,
    invitedTeamIds: disclose.invitations ? terms.invitedTeamIds : null,
    invitedOrgIds: disclose.invitations ? terms.invitedOrgIds : null,
  };
}

export function toNdaAcceptanceView(row: NdaAcceptanceEntity): NdaAcceptanceView {
  return {
    id: row.id,
    challengeId: row.challengeId,
    teamId: row.teamId,
    userId: row.userId,
    version: row.version,
    acceptedAt: row.acceptedAt.toISOString(),
  };
}

export interface ViewExtras {
  orgName: string;
  ndaAcceptances: NdaAcceptanceView[];
  answeredQuestions: number;
}

export function toChallengeView(challenge: VisibleChallenge, detailVisible: boolean, extras: ViewExtras): ChallengeView {
  const { entity, status, now } = challenge;
  const disclose = disclosureFor(challenge, detailVisible);
  return {
    id: entity.id,
    orgId: entity.orgId,
    orgName: extras.orgName,
    status,
    version: entity.version,
    ...toTermsView(termsOf(entity), disclose),
    detailVisible,
    biddingOpen: status === ChallengeStatus.PUBLISHED && entity.opensAt.getTime() <= now.getTime(),
    rejectionReason: disclose.invitations ? entity.rejectionReason : null,
    cancellationReason: entity.cancellationReason,
    ndaAcceptances: extras.ndaAcceptances,
    answeredQuestions: extras.answeredQuestions,
    submittedAt: entity.submittedAt?.toISOString() ?? null,
    publishedAt: entity.publishedAt?.toISOString() ?? null,
    closedAt: entity.closedAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

export function toListItemView(item: ListedChallenge): ChallengeListItemView {
  return {
    id: item.id,
    orgId: item.orgId,
    orgName: item.orgName,
    status: item.status,
    version: item.version,
    title: item.title,
    summary: item.summary,
    industryField: item.industryField,
    tags: item.tags,
    rewardFen: item.rewardFen,
    winners: item.winners,
    opensAt: item.opensAt.toISOString(),
    closesAt: item.closesAt.toISOString(),
    eligibility: item.eligibility,
    ipTerms: item.ipTerms,
    ndaRequired: item.ndaRequired,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
  };
}
