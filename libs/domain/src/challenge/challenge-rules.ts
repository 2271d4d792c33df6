import { Conflict, ErrorCodeOf, FieldError, ValidationFailed } from '../errors';
import { Fen, formatYuan } from '../money';

export const INDUSTRY_FIELDS = [
  'DIGITAL_ECONOMY',
  'ADVANCED_MANUFACTURING',
  'BIOMEDICINE',
  'NEW_MATERIALS',
  'GREEN_ENERGY',
  'PLATEAU_AGRICULTURE',
  'OTHER',
] as const;
export type IndustryField = (typeof INDUSTRY_FIELDS)[number];

/** Who owns the results: transferred to the enterprise, shared, or licensed to it. */
export const IP_TERMS = ['TRANSFER', 'SHARED', 'LICENCE'] as const;
export type IpTerm = (typeof IP_TERMS)[number];

export const ELIGIBILITY = ['OPEN', 'INVITE_ONLY'] as const;
export type Eligibility = (typeof ELIGIBILITY)[number];

export interface RubricCriterion {
  key: string;
  name: string;
  description: string;
  /** Share of the total in percent; the weights of a rubric sum to 100. */
  weight: number;
  maxScore: number;
}

/** The shortest bidding window a challenge may be published with, unless the deployment sets another (MIN_BIDDING_WINDOW_HOURS). */
export const DEFAULT_MIN_BIDDING_WINDOW_HOURS = 24;

const HOUR_MS = 60 * 60 * 1000;

const isIntegerIn = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

/** Every problem of the rubric, each under its field path (`rubric.2.weight`); empty when it is valid. */
export function rubricProblems(criteria: readonly RubricCriterion[], field = 'rubric'): FieldError[] {
  const problems = new Map<string, string[]>();
  const add = (path: string, message: string) => problems.set(path, [...(problems.get(path) ?? []), message]);

  if (criteria.length === 0) add(field, 'must have at least one criterion');
  criteria.forEach((c, i) => {
    const at = `${field}.${i}`;
    if (!isIntegerIn(c.weight, 1, 100)) add(`${at}.weight`, 'must be a whole number from 1 to 100');
    if (!isIntegerIn(c.maxScore, 1, 1000)) add(`${at}.maxScore`, 'must be a whole number from 1 to 1000');
    for (const prop of ['key', 'name'] as const) {
      const first = criteria.findIndex((other) => other[prop].trim() === c[prop].trim());
      if (c[prop].trim() === '') add(`${at}.${prop}`, 'must not be blank');
      else if (first < i) add(`${at}.${prop}`, `duplicates ${field}.${first}.${prop}`);
    }
  });
  const sum = criteria.reduce((total, c) => total + c.weight, 0);
  if (criteria.length > 0 && sum !== 100) add(field, `weights must sum to 100, not ${sum}`);
  return [...problems].map(([path, messages]) => ({ field: path, messages }));
}

/** Throws ValidationFailed with every problem of the rubric, each under its field path (`rubric.2.weight`). */
export function validateRubric(criteria: readonly RubricCriterion[], field = 'rubric'): void {
  const problems = rubricProblems(criteria, field);
  if (problems.length > 0) throw new ValidationFailed(problems, 'The rubric is invalid');
}

export type WindowOptions = { forPublication: false } | { forPublication: true; now: Date; minWindowHours: number };

/**
 * The problems of a bidding window: it must open before it closes. To be published it must also
 * last at least `minWindowHours` from opensAt and close in the future (`now` is the database clock).
 * Publication itself also needs the window to last that long from the moment of publication
 * (assertWindowFromPublication).
 */
export function windowProblems(opensAt: Date, closesAt: Date, opts: WindowOptions): FieldError[] {
  const problems = new Map<string, string[]>();
  const add = (path: string, message: string) => problems.set(path, [...(problems.get(path) ?? []), message]);
  const opens = opensAt.getTime();
  const closes = closesAt.getTime();

  if (Number.isNaN(opens)) add('opensAt', 'must be a valid date');
  if (Number.isNaN(closes)) add('closesAt', 'must be a valid date');
  // An invalid date gives NaN, which fails every comparison below: it is reported once, as invalid.
  if (closes - opens <= 0) add('closesAt', 'must be after opensAt');
  else if (opts.forPublication && closes - opens < opts.minWindowHours * HOUR_MS) {
    add('closesAt', `must be at least ${opts.minWindowHours} hours after opensAt`);
  }
  if (opts.forPublication && closes <= opts.now.getTime()) add('closesAt', 'must be in the future');
  return [...problems].map(([path, messages]) => ({ field: path, messages }));
}

/** Throws ValidationFailed with every problem of the bidding window (see windowProblems). */
export function validateWindow(opensAt: Date, closesAt: Date, opts: WindowOptions): void {
  const problems = windowProblems(opensAt, closesAt, opts);
  if (problems.length > 0) throw new ValidationFailed(problems, 'The bidding window is invalid');
}

/** The earliest closesAt of a challenge published at `publishedAt`: the whole minimum window lies after publication. */
export function earliestClosesAt(publishedAt: Date, minWindowHours: number): Date {
  return new Date(publishedAt.getTime() + minWindowHours * HOUR_MS);
}

/**
 * Bidders get the minimum window from the moment the challenge is published, not from an opensAt
 * that may lie in the past: throws Conflict BIDDING_WINDOW_TOO_SHORT when closesAt is earlier than
 * {@link earliestClosesAt}. `publishedAt` is the database clock at publication.
 */
export function assertWindowFromPublication(closesAt: Date, publishedAt: Date, minWindowHours: number): void {
  const earliest = earliestClosesAt(publishedAt, minWindowHours);
  if (closesAt.getTime() < earliest.getTime()) {
    throw new Conflict(
      'BIDDING_WINDOW_TOO_SHORT',
      `Bidding must stay open at least ${minWindowHours} hours after publication: closesAt ${closesAt.toISOString()} is before ${earliest.toISOString()}`,
      { closesAt: closesAt.toISOString(), earliestClosesAt: earliest.toISOString(), minWindowHours },
    );
  }
}

/** The terms of a published challenge that bidders rely on. */
export interface AmendableTerms {
  closesAt: Date;
  rubric: readonly RubricCriterion[];
  passMark: number;
  rewardFen: Fen;
}

const sameRubric = (a: readonly RubricCriterion[], b: readonly RubricCriterion[]): boolean =>
  a.length === b.length &&
  a.every(
    (c, i) =>
      c.key === b[i].key &&
      c.name === b[i].name &&
      c.description === b[i].description &&
      c.weight === b[i].weight &&
      c.maxScore === b[i].maxScore,
  );

/**
 * An amendment of a published challenge may not move anything against the bidders: it is only
 * possible while bidding is open, closesAt only moves later, the rubric and the pass mark stay
 * as they are, and the reward does not go down. Throws Conflict on the first violation.
 */
export function validateAmendment(current: AmendableTerms, next: AmendableTerms, now: Date): void {
  if (now.getTime() >= current.closesAt.getTime()) {
    throw new Conflict('BIDDING_CLOSED', 'Bidding has closed; the challenge can no longer be amended', {
      closesAt: current.closesAt.toISOString(),
    });
  }
  if (next.closesAt.getTime() < current.closesAt.getTime()) {
    throw new Conflict('CLOSES_AT_EARLIER', 'closesAt can only move later', {
      current: current.closesAt.toISOString(),
      next: next.closesAt.toISOString(),
    });
  }
  if (!sameRubric(current.rubric, next.rubric)) {
    throw new Conflict('RUBRIC_FROZEN', 'The rubric cannot change once the challenge is published');
  }
  if (next.passMark !== current.passMark) {
    throw new Conflict('PASS_MARK_FROZEN', 'The pass mark cannot change once the challenge is published', {
      current: current.passMark,
      next: next.passMark,
    });
  }
  if (next.rewardFen < current.rewardFen) {
    throw new Conflict(
      'REWARD_DECREASED',
      `The reward cannot drop from ${formatYuan(current.rewardFen)} to ${formatYuan(next.rewardFen)} CNY`,
      { current: current.rewardFen, next: next.rewardFen },
    );
  }
}

/** At most this many teams and organisations may be invited to one challenge (each list). */
export const MAX_INVITATIONS = 200;

/** An INVITE_ONLY challenge invites at least one team or organisation; an OPEN one invites nobody. */
export function eligibilityProblems(
  eligibility: Eligibility,
  invitedTeamIds: readonly string[],
  invitedOrgIds: readonly string[],
): FieldError[] {
  const invited = invitedTeamIds.length + invitedOrgIds.length;
  if (eligibility === 'INVITE_ONLY' && invited === 0) {
    return [{ field: 'invitedTeamIds', messages: ['must name at least one team or organisation (with invitedOrgIds) when eligibility is INVITE_ONLY'] }];
  }
  if (eligibility === 'OPEN' && invited > 0) {
    const field = invitedTeamIds.length > 0 ? 'invitedTeamIds' : 'invitedOrgIds';
    return [{ field, messages: ['must be empty when eligibility is OPEN'] }];
  }
  return [];
}

/** The terms of a challenge checked as a whole, whoever wrote them (create, edit, submit, publish). */
export interface ChallengeTerms {
  opensAt: Date;
  closesAt: Date;
  rubric: readonly RubricCriterion[];
  eligibility: Eligibility;
  invitedTeamIds: readonly string[];
  invitedOrgIds: readonly string[];
}

/** Every problem of the rubric, the bidding window and the eligibility rules together. */
export function challengeTermsProblems(terms: ChallengeTerms, opts: WindowOptions): FieldError[] {
  return [
    ...windowProblems(terms.opensAt, terms.closesAt, opts),
    ...rubricProblems(terms.rubric),
    ...eligibilityProblems(terms.eligibility, terms.invitedTeamIds, terms.invitedOrgIds),
  ];
}

/** Throws ValidationFailed listing every problem of the terms (see challengeTermsProblems). */
export function validateChallengeTerms(terms: ChallengeTerms, opts: WindowOptions): void {
  const problems = challengeTermsProblems(terms, opts);
  if (problems.length > 0) {
    throw new ValidationFailed(problems, problems.map((p) => `${p.field}: ${p.messages.join('; ')}`).join(' | '));
  }
}

/** Everything of a published challenge that an amendment may not move against the bidders. */
export interface PublishedTerms extends AmendableTerms {
  opensAt: Date;
  winners: number;
  ipTerms: IpTerm;
  ndaRequired: boolean;
  eligibility: Eligibility;
  invitedTeamIds: readonly string[];
  invitedOrgIds: readonly string[];
}

/**
 * validateAmendment, and also: the opening of the window, the number of winners, the IP terms,
 * the NDA requirement and the eligibility rule stay as published, and invitations can only be
 * added, never withdrawn. Throws Conflict on the first violation.
 */
export function validatePublishedAmendment(current: PublishedTerms, next: PublishedTerms, now: Date): void {
  validateAmendment(current, next, now);
  const frozen = (code: ErrorCodeOf<'CONFLICT'>, what: string, a: unknown, b: unknown) => {
    if (a !== b) throw new Conflict(code, `${what} cannot change once the challenge is published`, { current: a, next: b });
  };
  frozen('OPENS_AT_FROZEN', 'opensAt', current.opensAt.toISOString(), next.opensAt.toISOString());
  frozen('WINNERS_FROZEN', 'The number of winners', current.winners, next.winners);
  frozen('IP_TERMS_FROZEN', 'The IP terms', current.ipTerms, next.ipTerms);
  frozen('NDA_FROZEN', 'Whether an NDA is required', current.ndaRequired, next.ndaRequired);
  frozen('ELIGIBILITY_FROZEN', 'The eligibility rule', current.eligibility, next.eligibility);
  const withdrawn = [
    ...current.invitedTeamIds.filter((id) => !next.invitedTeamIds.includes(id)),
    ...current.invitedOrgIds.filter((id) => !next.invitedOrgIds.includes(id)),
  ];
  if (withdrawn.length > 0) {
    throw new Conflict('INVITATION_WITHDRAWN', 'Invitations can be added to a published challenge, not withdrawn', { withdrawn });
  }
}
