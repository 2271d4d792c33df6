/**
 * What the bureau is shown before it convenes a room: teams whose organisation nobody has
 * verified, and judges whose affiliation looks like a team's organisation without being the same
 * one (organisation-identity.ts). Automatic recusals are not warnings: they are applied.
 */
import { nearMatch, NearMatchReason, OrganisationIdentity } from '../identity/organisation-identity';
import { Conflict } from '../errors';
import { AutomaticRecusalOf } from './conflicts';

/** An organisation as a warning names it. */
export interface OrganisationOnRecord extends OrganisationIdentity {
  id: string;
  name: string;
  verified: boolean;
}

export interface JudgeForWarnings {
  userId: string;
  affiliation: OrganisationOnRecord | null;
}

export interface BidForWarnings {
  bidId: string;
  teamId: string;
  teamName: string;
  org: OrganisationOnRecord | null;
}

export type ConveningWarning =
  /** The team bids without an organisation: for information. */
  | { kind: 'TEAM_WITHOUT_ORGANISATION'; bidId: string; teamId: string; teamName: string }
  /** The team's organisation is not verified: anyone may have registered it. */
  | { kind: 'TEAM_ORGANISATION_UNVERIFIED'; bidId: string; teamId: string; teamName: string; orgId: string; orgName: string }
  /** The judge's affiliation and the team's organisation may be one organisation. */
  | {
      kind: 'AFFILIATION_NEAR_MATCH';
      judgeId: string;
      bidId: string;
      reason: NearMatchReason;
      affiliationOrgId: string;
      affiliationName: string;
      teamOrgId: string;
      teamOrgName: string;
    };

/**
 * Every warning, bid by bid in the order given: the team's organisation first, then each judge
 * (in the order given) whose affiliation nearly matches it and who is not already recused from the bid.
 */
export function conveningWarnings(
  judges: readonly JudgeForWarnings[],
  bids: readonly BidForWarnings[],
  recusals: readonly AutomaticRecusalOf[],
): ConveningWarning[] {
  return bids.flatMap((bid): ConveningWarning[] => {
    const { bidId, teamId, teamName, org } = bid;
    if (org === null) return [{ kind: 'TEAM_WITHOUT_ORGANISATION', bidId, teamId, teamName }];
    const unverified: ConveningWarning[] = org.verified
      ? []
      : [{ kind: 'TEAM_ORGANISATION_UNVERIFIED', bidId, teamId, teamName, orgId: org.id, orgName: org.name }];
    const nearMatches = judges.flatMap((judge): ConveningWarning[] => {
      if (judge.affiliation === null || recusals.some((r) => r.judgeId === judge.userId && r.bidId === bidId)) return [];
      const reason = nearMatch(judge.affiliation, org);
      return reason === null
        ? []
        : [
            {
              kind: 'AFFILIATION_NEAR_MATCH',
              judgeId: judge.userId,
              bidId,
              reason,
              affiliationOrgId: judge.affiliation.id,
              affiliationName: judge.affiliation.name,
              teamOrgId: org.id,
              teamOrgName: org.name,
            },
          ];
    });
    return [...unverified, ...nearMatches];
  });
}

/** Whether convening with these warnings needs the bureau's acknowledgement: any but a team without an organisation. */
export function acknowledgementRequired(warnings: readonly ConveningWarning[]): boolean {
  return warnings.some((w) => w.kind !== 'TEAM_WITHOUT_ORGANISATION');
}

/** 409 CONVENING_WARNINGS with the warnings in details, unless none needs acknowledging or the bureau gave its reason. */
export function assertWarningsAcknowledged(warnings: readonly ConveningWarning[], acknowledged: string | undefined): void {
  if (acknowledgementRequired(warnings) && !acknowledged) {
    throw new Conflict('CONVENING_WARNINGS', 'Convening has warnings for the bureau: acknowledge them with a reason (warningsAcknowledged)', { warnings });
  }
}
