import { ChallengeEntity, IndicatorRecord, RubricCriterionRecord } from '@app/database';
import { DEFAULT_PASS_MARK, Eligibility, IndustryField, IpTerm } from '@app/domain';
import type { CreateChallengeDto, CriterionDto, IndicatorDto, UpdateChallengeDto } from './dto/challenge.dto';

/** Everything the enterprise writes about a challenge, as the service handles it. */
export interface Terms {
  title: string;
  summary: string;
  detail: string;
  industryField: IndustryField;
  tags: string[];
  indicators: IndicatorRecord[];
  rewardFen: number;
  winners: number;
  opensAt: Date;
  closesAt: Date;
  eligibility: Eligibility;
  invitedTeamIds: string[];
  invitedOrgIds: string[];
  ipTerms: IpTerm;
  ndaRequired: boolean;
  passMark: number;
  rubric: RubricCriterionRecord[];
}

/** The terms as kept in a challenge_version snapshot and compared between versions (dates as ISO strings). */
export interface StoredTerms extends Omit<Terms, 'opensAt' | 'closesAt' | 'industryField' | 'eligibility' | 'ipTerms'> {
  industryField: string;
  eligibility: string;
  ipTerms: string;
  opensAt: string;
  closesAt: string;
}

const indicators = (list: IndicatorDto[]): IndicatorRecord[] =>
  list.map((i) => ({ name: i.name, target: i.target, unit: i.unit, measurement: i.measurement }));

const rubric = (list: readonly CriterionDto[] | readonly RubricCriterionRecord[]): RubricCriterionRecord[] =>
  list.map((c) => ({ key: c.key, name: c.name, description: c.description, weight: c.weight, maxScore: c.maxScore }));

export function termsFromCreate(dto: CreateChallengeDto): Terms {
  return {
    title: dto.title,
    summary: dto.summary,
    detail: dto.detail,
    industryField: dto.industryField,
    tags: dto.tags ?? [],
    indicators: indicators(dto.indicators),
    rewardFen: dto.rewardFen,
    winners: dto.winners ?? 1,
    opensAt: new Date(dto.opensAt),
    closesAt: new Date(dto.closesAt),
    eligibility: dto.eligibility ?? 'OPEN',
    invitedTeamIds: dto.invitedTeamIds ?? [],
    invitedOrgIds: dto.invitedOrgIds ?? [],
    ipTerms: dto.ipTerms,
    ndaRequired: dto.ndaRequired ?? false,
    passMark: dto.passMark ?? DEFAULT_PASS_MARK,
    rubric: rubric(dto.rubric),
  };
}

export function termsFromEntity(entity: ChallengeEntity): Terms {
  return {
    title: entity.title,
    summary: entity.summary,
    detail: entity.detail,
    industryField: entity.industryField as IndustryField,
    tags: entity.tags,
    indicators: indicators(entity.indicators),
    rewardFen: entity.rewardFen,
    winners: entity.winners,
    opensAt: entity.opensAt,
    closesAt: entity.closesAt,
    eligibility: entity.eligibility as Eligibility,
    invitedTeamIds: entity.invitedTeamIds,
    invitedOrgIds: entity.invitedOrgIds,
    ipTerms: entity.ipTerms as IpTerm,
    ndaRequired: entity.ndaRequired,
    passMark: entity.passMark,
    rubric: rubric(entity.rubric),
  };
}

/** The current terms with the fields a PATCH or an amendment gives (absent fields stay; null was refused by validation). */
export function mergeTerms(current: Terms, change: UpdateChallengeDto): Terms {
  return {
    title: change.title ?? current.title,
    summary: change.summary ?? current.summary,
    detail: change.detail ?? current.detail,
    industryField: change.industryField ?? current.industryField,
    tags: change.tags ?? current.tags,
    indicators: change.indicators ? indicators(change.indicators) : current.indicators,
    rewardFen: change.rewardFen ?? current.rewardFen,
    winners: change.winners ?? current.winners,
    opensAt: change.opensAt !== undefined ? new Date(change.opensAt) : current.opensAt,
    closesAt: change.closesAt !== undefined ? new Date(change.closesAt) : current.closesAt,
    eligibility: change.eligibility ?? current.eligibility,
    invitedTeamIds: change.invitedTeamIds ?? current.invitedTeamIds,
    invitedOrgIds: change.invitedOrgIds ?? current.invitedOrgIds,
    ipTerms: change.ipTerms ?? current.ipTerms,
    ndaRequired: change.ndaRequired ?? current.ndaRequired,
    passMark: change.passMark ?? current.passMark,
    rubric: change.rubric ? rubric(change.rubric) : current.rubric,
  };
}

/** The entity's columns for these terms (explicitly, never the request body itself). */
export function termsColumns(terms: Terms): Partial<ChallengeEntity> {
  return {
    title: terms.title,
    summary: terms.summary,
    detail: terms.detail,
    industryField: terms.industryField,
    tags: terms.tags,
    indicators: terms.indicators,
    rewardFen: terms.rewardFen,
    winners: terms.winners,
    opensAt: terms.opensAt,
    closesAt: terms.closesAt,
    eligibility: terms.eligibility,
    invitedTeamIds: terms.invitedTeamIds,
    invitedOrgIds: terms.invitedOrgIds,
    ipTerms: terms.ipTerms,
    ndaRequired: terms.ndaRequired,
    passMark: terms.passMark,
    rubric: terms.rubric,
  };
}

export function storeTerms(terms: Terms): StoredTerms {
  return { ...terms, opensAt: terms.opensAt.toISOString(), closesAt: terms.closesAt.toISOString() };
}

/** Two versions of the terms say the same thing. */
export const sameTerms = (a: Terms, b: Terms): boolean => JSON.stringify(storeTerms(a)) === JSON.stringify(storeTerms(b));
