import { ChallengeEntity, NdaAcceptanceEntity } from '@app/database';
import { ChallengeStatus } from '@app/domain';
import type { VisibleChallenge } from '../access/challenge-access.service';
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

/** A row of the list query (snake_case, as PostgreSQL returns it). */
export interface ListRow {
  id: string;
  org_id: string;
  org_name: string;
  status: ChallengeStatus;
  version: number;
  title: string;
  summary: string;
  industry_field: string;
  tags: string[];
  reward_fen: string;
  winners: number;
  opens_at: Date;
  closes_at: Date;
  eligibility: string;
  ip_terms: string;
  nda_required: boolean;
  published_at: Date | null;
  created_at: Date;
}

export function toListItemView(row: ListRow): ChallengeListItemView {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    status: row.status,
    version: row.version,
    title: row.title,
    summary: row.summary,
    industryField: row.industry_field,
    tags: row.tags,
    rewardFen: Number(row.reward_fen),
    winners: row.winners,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    eligibility: row.eligibility,
    ipTerms: row.ip_terms,
    ndaRequired: row.nda_required,
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
