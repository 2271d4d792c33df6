/** Shapes of the API's answers (see /api/docs); money is integer fen, times are ISO 8601 strings. */
import { TEAM_KINDS, TEAM_ROLES } from '@app/domain/bidding/team-rules';
import { ELIGIBILITY, INDUSTRY_FIELDS, IP_TERMS } from '@app/domain/challenge/challenge-rules';
import { ORG_KINDS } from '@app/domain/identity/organisation-rules';

// The value lists are the domain's own (plain files of libs/domain, safe in a browser).
export { ELIGIBILITY, INDUSTRY_FIELDS, IP_TERMS, ORG_KINDS, TEAM_KINDS, TEAM_ROLES };

export type IndustryField = (typeof INDUSTRY_FIELDS)[number];

export const CHALLENGE_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'PUBLISHED',
  'REJECTED',
  'CLOSED',
  'EVALUATING',
  'AWARDED',
  'IN_DELIVERY',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export type IpTerm = (typeof IP_TERMS)[number];
export type Eligibility = (typeof ELIGIBILITY)[number];
export type OrgKind = (typeof ORG_KINDS)[number];

export interface User {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  roles: ('ADMIN' | 'JUDGE')[];
  createdAt: string;
}

export interface Membership {
  orgId: string;
  name: string;
  kind: OrgKind;
  role: 'OWNER' | 'MEMBER';
  verified: boolean;
}

export interface Me extends User {
  organisations: Membership[];
  enterpriseOrgIds: string[];
}

export interface SessionView {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrgKind;
  country: string;
  creditCode: string | null;
  verified: boolean;
  verifiedAt: string | null;
  createdAt: string;
}

export interface Indicator {
  name: string;
  target: string;
  unit: string;
  measurement: string;
}

export interface Criterion {
  key: string;
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

export interface ChallengeListItem {
  id: string;
  orgId: string;
  orgName: string;
  status: ChallengeStatus;
  version: number;
  title: string;
  summary: string;
  industryField: IndustryField;
  tags: string[];
  rewardFen: number;
  winners: number;
  opensAt: string;
  closesAt: string;
  eligibility: Eligibility;
  ipTerms: IpTerm;
  ndaRequired: boolean;
  publishedAt: string | null;
  createdAt: string;
}

export interface NdaAcceptance {
  id: string;
  challengeId: string;
  teamId: string;
  userId: string;
  version: number;
  acceptedAt: string;
}

export interface Challenge extends ChallengeListItem {
  detail: string | null;
  detailVisible: boolean;
  biddingOpen: boolean;
  indicators: Indicator[];
  rubric: Criterion[];
  passMark: number;
  invitedTeamIds: string[] | null;
  invitedOrgIds: string[] | null;
  rejectionReason: string | null;
  cancellationReason: string | null;
  ndaAcceptances: NdaAcceptance[];
  answeredQuestions: number;
  submittedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Question {
  id: string;
  question: string;
  answer: string | null;
  askedAt: string;
  answeredAt: string | null;
  mine: boolean;
}

export interface ChallengeVersion {
  version: number;
  changeNote: string | null;
  createdAt: string;
}

export type TeamKind = (typeof TEAM_KINDS)[number];
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  userId: string;
  displayName: string;
  role: TeamRole;
  joinedAt: string;
  email?: string;
}

export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  country: string;
  orgId: string | null;
  orgName: string | null;
  createdAt: string;
  myRole: TeamRole | null;
  members: TeamMember[];
}

export interface TeamSummary {
  id: string;
  name: string;
  kind: TeamKind;
  country: string;
  orgId: string | null;
  memberCount: number;
  myRole: TeamRole | null;
  createdAt: string;
}

export interface MembershipPeriod {
  userId: string;
  displayName: string;
  role: TeamRole;
  joinedAt: string;
  leftAt: string | null;
}

export type BidStatus = 'SUBMITTED' | 'WITHDRAWN' | 'SHORTLISTED' | 'NOT_SHORTLISTED' | 'AWARDED' | 'NOT_AWARDED';

export interface Milestone {
  title: string;
  dueDay: number;
  deliverable: string;
  paymentBasisPoints: number;
}

export interface Receipt {
  bidId: string;
  revision: number;
  receivedAt: string;
  contentHash: string;
}

export interface BidTerms {
  technicalApproach: string;
  proposal: string;
  quotedPriceFen: number;
  durationDays: number;
  milestones: Milestone[];
  keyPersonnelUserIds: string[];
}

export interface Bid extends BidTerms {
  id: string;
  challengeId: string;
  teamId: string;
  teamName: string;
  status: BidStatus;
  revision: number;
  pledgedBy: string;
  pledgedAt: string;
  receipt: Receipt;
  shortlistReason: string | null;
  shortlistedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BidSummary {
  id: string;
  challengeId: string;
  challengeTitle: string;
  teamId: string;
  teamName: string;
  status: BidStatus;
  technicalApproach: string;
  quotedPriceFen: number;
  durationDays: number;
  receipt: Receipt;
  updatedAt: string;
}

/** GET /api/bids/:id/feedback, after the room is finalised. */
export interface BidFeedback {
  bidId: string;
  roomId: string;
  rank: number;
  of: number;
  panelScore: number | null;
  panelPoints: string | null;
  eligible: boolean;
  awarded: boolean;
  judges: number;
  criteria: { key: string; name: string; maxScore: number; average: number | null }[];
  comments: string[];
}

export interface ChallengeBids {
  challengeId: string;
  phase: 'HIDDEN' | 'NOT_OPEN' | 'OPEN' | 'CLOSED' | 'CANCELLED';
  closesAt: string;
  count: number;
  opened: boolean;
  bids: BidSummary[];
  ownBids: { bidId: string; teamId: string; status: BidStatus }[];
}

export interface BidRevision {
  bidId: string;
  revision: number;
  receivedAt: string;
  contentHash: string;
  submittedBy: string;
}

export interface Digest {
  challengeId: string;
  closesAt: string;
  algorithm: string;
  digest: string;
  receipts: { bidId: string; revision: number; contentHash: string }[];
}

export interface Expert {
  userId: string;
  displayName: string;
  email: string;
  title: string;
  fields: string[];
  affiliation: { orgId: string; name: string } | null;
  bio: string;
  createdAt: string;
}

/** GET /api/users?q= (admins): a user found by display name or email, with the organisations they belong to. */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  roles: ('ADMIN' | 'JUDGE')[];
  organisations: { id: string; name: string; kind: OrgKind; verified: boolean }[];
}
