import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  CHALLENGE_STATUSES,
  ChallengeStatus,
  DEFAULT_PASS_MARK,
  ELIGIBILITY,
  Eligibility,
  INDUSTRY_FIELDS,
  IndustryField,
  IP_TERMS,
  IpTerm,
  MAX_FEN,
  MAX_INVITATIONS,
  RubricCriterion,
  rubricProblems,
  windowProblems,
} from '@app/domain';
import { parsableDate, WithTimeZone } from './validation';
import { DomainRule, EachNested, QueryBoolean, QueryInt, Trim, TrimEach } from '@app/core';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2_000;
export const DETAIL_MAX = 100_000;

export class IndicatorDto {
  @ApiProperty({ example: '测量精度', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ description: 'The target value', example: '≤ 0.1', maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  target!: string;

  @ApiProperty({ description: 'Unit of the target; empty for a dimensionless one', example: '%FS', maxLength: 50 })
  @Trim()
  @IsString()
  @Length(0, 50)
  unit!: string;

  @ApiProperty({ description: 'How it is measured', example: '第三方检测机构按 GB/T 15478 测试', maxLength: 1000 })
  @Trim()
  @IsString()
  @Length(1, 1000)
  measurement!: string;
}

export class CriterionDto implements RubricCriterion {
  @ApiProperty({ description: 'Short slug, unique in the rubric', example: 'feasibility', pattern: '^[a-z][a-z0-9_-]{0,39}$' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'key must be a short slug: lower-case letters, digits, - or _, starting with a letter' })
  key!: string;

  @ApiProperty({ example: '技术方案', maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '方案的先进性与可行性', maxLength: 1000 })
  @Trim()
  @IsString()
  @Length(0, 1000)
  description!: string;

  @ApiProperty({ description: 'Percent of the total; the weights of the rubric sum to exactly 100', minimum: 1, maximum: 100, example: 40 })
  @IsInt()
  @Min(1)
  @Max(100)
  weight!: number;

  @ApiProperty({ description: 'Highest score a judge may give on this criterion', minimum: 1, maximum: 1000, example: 10 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxScore!: number;
}

/** The rubric's sum, judged by the domain rule once every weight is a number. */
const rubricSum = (o: Record<string, unknown>) => {
  const rubric = o.rubric;
  if (!Array.isArray(rubric) || rubric.length === 0) return null;
  if (!rubric.every((c: unknown) => typeof (c as { weight?: unknown })?.weight === 'number')) return null;
  const criteria = rubric.map((c: { weight: number }, i) => ({ key: `k${i}`, name: `n${i}`, description: '', weight: c.weight, maxScore: 1 }));
  return rubricProblems(criteria);
};

/** The window's order, judged by the domain rule once both ends are dates. */
const windowOrder = (o: Record<string, unknown>) => {
  const opensAt = parsableDate(o.opensAt);
  const closesAt = parsableDate(o.closesAt);
  return opensAt && closesAt ? windowProblems(opensAt, closesAt, { forPublication: false }) : null;
};

export class CreateChallengeDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The verified enterprise organisation posting it; required only when you act for more than one',
  })
  @IsOptional()
  @IsUUID('all')
  orgId?: string;

  @ApiProperty({ example: '高精度传感器芯片国产化', maxLength: TITLE_MAX })
  @Trim()
  @IsString()
  @Length(1, TITLE_MAX)
  title!: string;

  @ApiProperty({ description: 'Public summary, shown to everyone', maxLength: SUMMARY_MAX })
  @Trim()
  @IsString()
  @Length(1, SUMMARY_MAX)
  summary!: string;

  @ApiProperty({ description: 'Confidential detail (Markdown): behind the NDA when ndaRequired', maxLength: DETAIL_MAX })
  @IsString()
  @Length(1, DETAIL_MAX)
  detail!: string;

  @ApiProperty({ enum: INDUSTRY_FIELDS })
  @IsIn(INDUSTRY_FIELDS)
  industryField!: IndustryField;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['传感器', 'MEMS'], default: [] })
  @IsOptional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @ApiProperty({ type: [IndicatorDto], minItems: 1, maxItems: 50, description: 'Technical indicators the solution must reach' })
  @IsArray()
  @ArrayMinSize(1, { message: 'indicators must have at least one indicator' })
  @ArrayMaxSize(50)
  @EachNested(() => IndicatorDto)
  indicators!: IndicatorDto[];

  @ApiProperty({ description: 'Reward ceiling in integer fen (1 CNY = 100 fen); no bid may quote more', example: 50_000_000, minimum: 1, maximum: MAX_FEN })
  @IsInt({ message: 'rewardFen must be a whole number of fen' })
  @Min(1, { message: 'rewardFen must be positive' })
  @Max(MAX_FEN, { message: `rewardFen must be at most ${MAX_FEN}` })
  rewardFen!: number;

  @ApiPropertyOptional({ description: 'Number of winners; more than 1 is a horse race (赛马)', minimum: 1, maximum: 20, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  winners?: number;

  @ApiProperty({ description: 'Bidding opens (ISO 8601 with time zone)', example: '2025-06-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  @WithTimeZone('opensAt')
  opensAt!: string;

  @ApiProperty({ description: 'Bidding closes, by the server clock; after opensAt, and at least 24 h after it to be published', example: '2025-06-30T16:00:00Z' })
  @IsISO8601({ strict: true })
  @WithTimeZone('closesAt')
  @DomainRule('windowOrder', windowOrder)
  closesAt!: string;

  @ApiPropertyOptional({ enum: ELIGIBILITY, default: 'OPEN' })
  @IsOptional()
  @IsIn(ELIGIBILITY)
  eligibility?: Eligibility;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Invited teams (INVITE_ONLY)', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INVITATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedTeamIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Invited organisations: all their members may see and bid (INVITE_ONLY)', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INVITATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedOrgIds?: string[];

  @ApiProperty({ enum: IP_TERMS, description: 'TRANSFER to the enterprise, SHARED, or LICENCE to it' })
  @IsIn(IP_TERMS)
  ipTerms!: IpTerm;

  @ApiPropertyOptional({ default: false, description: 'The detail is shown to a team only after its lead accepted the NDA' })
  @IsOptional()
  @IsBoolean()
  ndaRequired?: boolean;

  @ApiPropertyOptional({ description: 'Points out of 100 a bid needs to be able to win', minimum: 0, maximum: 100, default: DEFAULT_PASS_MARK })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  passMark?: number;

  @ApiProperty({ type: [CriterionDto], minItems: 1, maxItems: 20, description: 'Evaluation rubric; weights sum to exactly 100' })
  @IsArray()
  @ArrayMinSize(1, { message: 'rubric must have at least one criterion' })
  @ArrayMaxSize(20)
  @EachNested(() => CriterionDto)
  @DomainRule('rubricSum', rubricSum)
  rubric!: CriterionDto[];
}

/** PATCH: any subset of the fields; null is refused like any other wrong type. */
export class UpdateChallengeDto extends PartialType(OmitType(CreateChallengeDto, ['orgId'] as const), { skipNullProperties: false }) {}

export class AmendChallengeDto extends PartialType(OmitType(CreateChallengeDto, ['orgId'] as const), { skipNullProperties: false }) {
  @ApiProperty({ description: 'What changed and why; shown to bidders with the new version', maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(1, 2000)
  changeNote!: string;
}

export class RejectChallengeDto {
  @ApiProperty({ description: "The bureau's reason, shown to the enterprise", maxLength: 2000 })
  @Trim()
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class CancelChallengeDto {
  @ApiPropertyOptional({ description: 'Required to cancel a published challenge; sent to its bidders', maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ListChallengesQuery {
  @ApiPropertyOptional({ description: 'Substring of the title or summary, Chinese or English (case-insensitive)', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_FIELDS })
  @IsOptional()
  @IsIn(INDUSTRY_FIELDS)
  field?: IndustryField;

  @ApiPropertyOptional({ enum: CHALLENGE_STATUSES, description: 'As readers see it (a published challenge past its deadline is CLOSED). Admins may list any status, e.g. SUBMITTED: the review queue' })
  @IsOptional()
  @IsIn(CHALLENGE_STATUSES)
  status?: ChallengeStatus;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 40)
  tag?: string;

  @ApiPropertyOptional({ description: 'Reward ceiling at least this many fen', minimum: 0 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'rewardMin must be a whole number of fen' })
  @Min(0)
  @Max(MAX_FEN)
  rewardMin?: number;

  @ApiPropertyOptional({ description: 'Reward ceiling at most this many fen', minimum: 0 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: 'rewardMax must be a whole number of fen' })
  @Min(0)
  @Max(MAX_FEN)
  rewardMax?: number;

  @ApiPropertyOptional({ description: 'Bidding closes before this instant (ISO 8601 with time zone)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @WithTimeZone('closesBefore')
  closesBefore?: string;

  @ApiPropertyOptional({ description: "Only my organisations' challenges, in every status (drafts included); needs sign-in" })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not a cursor of this list' })
  cursor?: string;
}

export class IndicatorView {
  @ApiProperty() name!: string;
  @ApiProperty() target!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() measurement!: string;
}

export class CriterionView {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() maxScore!: number;
}

export class NdaAcceptanceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) challengeId!: string;
  @ApiProperty({ format: 'uuid' }) teamId!: string;
  @ApiProperty({ format: 'uuid', description: 'The team lead who accepted' }) userId!: string;
  @ApiProperty({ description: 'The challenge version the NDA was accepted on' }) version!: number;
  @ApiProperty() acceptedAt!: string;
}

export class ChallengeListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orgId!: string;
  @ApiProperty() orgName!: string;
  @ApiProperty({ enum: CHALLENGE_STATUSES, description: 'As of the database clock: PUBLISHED past closesAt reads CLOSED' }) status!: ChallengeStatus;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: INDUSTRY_FIELDS }) industryField!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ description: 'Reward ceiling in fen' }) rewardFen!: number;
  @ApiProperty() winners!: number;
  @ApiProperty() opensAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ enum: ELIGIBILITY }) eligibility!: string;
  @ApiProperty({ enum: IP_TERMS }) ipTerms!: string;
  @ApiProperty() ndaRequired!: boolean;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class ChallengeView extends ChallengeListItemView {
  @ApiProperty({ nullable: true, type: String, description: 'Confidential detail; null when detailVisible is false' }) detail!: string | null;
  @ApiProperty({ description: 'Whether the caller may read the detail (see ndaRequired)' }) detailVisible!: boolean;
  @ApiProperty({ description: 'PUBLISHED, opened and not yet closed, by the database clock' }) biddingOpen!: boolean;
  @ApiProperty({ type: [IndicatorView] }) indicators!: IndicatorView[];
  @ApiProperty({ type: [CriterionView] }) rubric!: CriterionView[];
  @ApiProperty() passMark!: number;
  @ApiProperty({ type: [String], nullable: true, description: 'Owner organisation and admins only' }) invitedTeamIds!: string[] | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Owner organisation and admins only' }) invitedOrgIds!: string[] | null;
  @ApiProperty({ nullable: true, type: String, description: "The bureau's last rejection; owner organisation and admins only" }) rejectionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancellationReason!: string | null;
  @ApiProperty({ type: [NdaAcceptanceView], description: "NDA acceptances of the caller's teams" }) ndaAcceptances!: NdaAcceptanceView[];
  @ApiProperty({ description: 'Answered clarification questions' }) answeredQuestions!: number;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class ChallengePageView {
  @ApiProperty({ type: [ChallengeListItemView] }) items!: ChallengeListItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' }) nextCursor!: string | null;
}

export class ChallengeTermsView {
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when the caller may not read the detail' }) detail!: string | null;
  @ApiProperty({ enum: INDUSTRY_FIELDS }) industryField!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [IndicatorView] }) indicators!: IndicatorView[];
  @ApiProperty() rewardFen!: number;
  @ApiProperty() winners!: number;
  @ApiProperty() opensAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ enum: ELIGIBILITY }) eligibility!: string;
  @ApiProperty({ type: [String], nullable: true }) invitedTeamIds!: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) invitedOrgIds!: string[] | null;
  @ApiProperty({ enum: IP_TERMS }) ipTerms!: string;
  @ApiProperty() ndaRequired!: boolean;
  @ApiProperty() passMark!: number;
  @ApiProperty({ type: [CriterionView] }) rubric!: CriterionView[];
}

export class ChallengeVersionView {
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String, description: 'null for version 1 (the publication)' }) changeNote!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: ChallengeTermsView }) terms!: ChallengeTermsView;
}
