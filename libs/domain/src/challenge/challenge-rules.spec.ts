import { Conflict, FieldError, ValidationFailed } from '../errors';
import {
  AmendableTerms,
  assertWindowFromPublication,
  challengeTermsProblems,
  ELIGIBILITY,
  eligibilityProblems,
  INDUSTRY_FIELDS,
  IP_TERMS,
  PublishedTerms,
  RubricCriterion,
  rubricProblems,
  validateAmendment,
  validateChallengeTerms,
  validatePublishedAmendment,
  validateRubric,
  validateWindow,
} from './challenge-rules';

/** The field errors of the ValidationFailed that `fn` throws. */
function fieldErrors(fn: () => void): FieldError[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    return (error as ValidationFailed).fields;
  }
  throw new Error('expected a ValidationFailed, nothing was thrown');
}

const criterion = (key: string, weight: number, maxScore = 10): RubricCriterion => ({
  key,
  name: `Criterion ${key}`,
  description: `How well the bid does on ${key}`,
  weight,
  maxScore,
});

/** 40 + 30 + 30 = 100. */
const RUBRIC: RubricCriterion[] = [criterion('technical', 40), criterion('team', 30), criterion('price', 30)];

describe('challenge vocabularies', () => {
  it('lists the industry fields, IP terms and eligibility rules', () => {
    expect(INDUSTRY_FIELDS).toEqual([
      'DIGITAL_ECONOMY',
      'ADVANCED_MANUFACTURING',
      'BIOMEDICINE',
      'NEW_MATERIALS',
      'GREEN_ENERGY',
      'PLATEAU_AGRICULTURE',
      'OTHER',
    ]);
    expect(IP_TERMS).toEqual(['TRANSFER', 'SHARED', 'LICENCE']);
    expect(ELIGIBILITY).toEqual(['OPEN', 'INVITE_ONLY']);
  });
});

describe('validateRubric', () => {
  it('accepts weights 40 + 30 + 30', () => {
    expect(() => validateRubric(RUBRIC)).not.toThrow();
  });

  it('accepts a single criterion weighing 100 with the largest max score', () => {
    expect(() => validateRubric([criterion('overall', 100, 1000)])).not.toThrow();
  });

  it('needs at least one criterion', () => {
    expect(fieldErrors(() => validateRubric([]))).toEqual([
      { field: 'rubric', messages: ['must have at least one criterion'] },
    ]);
  });

  it('needs the weights to sum to exactly 100: 40 + 30 + 29 = 99', () => {
    const rubric = [criterion('technical', 40), criterion('team', 30), criterion('price', 29)];
    expect(fieldErrors(() => validateRubric(rubric))).toEqual([
      { field: 'rubric', messages: ['weights must sum to 100, not 99'] },
    ]);
  });

  it.each([0, 101, 12.5, -10])('refuses weight %p', (weight) => {
    const rubric = [criterion('technical', weight), criterion('team', 100 - weight)];
    expect(fieldErrors(() => validateRubric(rubric))).toContainEqual({
      field: 'rubric.0.weight',
      messages: ['must be a whole number from 1 to 100'],
    });
  });

  it.each([0, 1001, 7.5])('refuses max score %p', (maxScore) => {
    const rubric = [criterion('technical', 60), criterion('team', 40, maxScore)];
    expect(fieldErrors(() => validateRubric(rubric))).toEqual([
      { field: 'rubric.1.maxScore', messages: ['must be a whole number from 1 to 1000'] },
    ]);
  });

  it('refuses a blank key or name', () => {
    const rubric = [criterion('technical', 60), { ...criterion('team', 40), key: ' ', name: '' }];
    expect(fieldErrors(() => validateRubric(rubric))).toEqual([
      { field: 'rubric.1.key', messages: ['must not be blank'] },
      { field: 'rubric.1.name', messages: ['must not be blank'] },
    ]);
  });

  it('refuses a repeated key, pointing at the first use', () => {
    const rubric = [criterion('technical', 60), { ...criterion('technical', 40), name: 'Feasibility' }];
    expect(fieldErrors(() => validateRubric(rubric))).toEqual([
      { field: 'rubric.1.key', messages: ['duplicates rubric.0.key'] },
    ]);
  });

  it('refuses a repeated name, ignoring surrounding spaces', () => {
    const rubric = [criterion('a', 50), criterion('b', 30), { ...criterion('c', 20), name: ' Criterion a ' }];
    expect(fieldErrors(() => validateRubric(rubric))).toEqual([
      { field: 'rubric.2.name', messages: ['duplicates rubric.0.name'] },
    ]);
  });

  it('reports every problem at once, under the given field', () => {
    const rubric = [criterion('technical', 0), criterion('technical', 30, 0)];
    expect(fieldErrors(() => validateRubric(rubric, 'room.rubric'))).toEqual([
      { field: 'room.rubric.0.weight', messages: ['must be a whole number from 1 to 100'] },
      { field: 'room.rubric.1.maxScore', messages: ['must be a whole number from 1 to 1000'] },
      { field: 'room.rubric.1.key', messages: ['duplicates room.rubric.0.key'] },
      { field: 'room.rubric.1.name', messages: ['duplicates room.rubric.0.name'] },
      { field: 'room.rubric', messages: ['weights must sum to 100, not 30'] },
    ]);
  });
});

describe('validateWindow', () => {
  const now = new Date('2025-06-01T00:00:00Z');
  const opensAt = new Date('2025-06-02T00:00:00Z');
  const hoursLater = (hours: number) => new Date(opensAt.getTime() + hours * 3_600_000);
  const publication = { forPublication: true, now, minWindowHours: 24 } as const;
  const draft = { forPublication: false } as const;

  it('lets a draft have a short window, even one in the past', () => {
    expect(() => validateWindow(opensAt, hoursLater(1), draft)).not.toThrow();
    expect(() => validateWindow(new Date('2020-01-01T00:00Z'), new Date('2020-01-01T01:00Z'), draft)).not.toThrow();
  });

  it.each([0, -5])('needs closesAt after opensAt (closes %p h after it opens)', (hours) => {
    expect(fieldErrors(() => validateWindow(opensAt, hoursLater(hours), draft))).toEqual([
      { field: 'closesAt', messages: ['must be after opensAt'] },
    ]);
  });

  it('refuses invalid dates, once each', () => {
    const invalid = new Date('not a date');
    expect(fieldErrors(() => validateWindow(invalid, invalid, publication))).toEqual([
      { field: 'opensAt', messages: ['must be a valid date'] },
      { field: 'closesAt', messages: ['must be a valid date'] },
    ]);
  });

  it('publishes a window of exactly 24 hours, not one of 23 h 59 min', () => {
    expect(() => validateWindow(opensAt, hoursLater(24), publication)).not.toThrow();
    expect(fieldErrors(() => validateWindow(opensAt, hoursLater(24 - 1 / 60), publication))).toEqual([
      { field: 'closesAt', messages: ['must be at least 24 hours after opensAt'] },
    ]);
  });

  it('publishes a window that opened already, as long as it closes in the future', () => {
    const openedLastWeek = new Date('2025-05-25T00:00:00Z');
    expect(() => validateWindow(openedLastWeek, opensAt, publication)).not.toThrow();
  });

  it('does not publish a window that closes now or earlier', () => {
    const lastMonth = new Date('2025-05-01T00:00:00Z');
    expect(fieldErrors(() => validateWindow(lastMonth, now, publication))).toEqual([
      { field: 'closesAt', messages: ['must be in the future'] },
    ]);
  });

  it('lists both problems of a closesAt that is before opensAt and in the past', () => {
    const yesterday = new Date('2025-05-31T00:00:00Z');
    expect(fieldErrors(() => validateWindow(opensAt, yesterday, publication))).toEqual([
      { field: 'closesAt', messages: ['must be after opensAt', 'must be in the future'] },
    ]);
  });

  it('takes the deployment’s minimum (MIN_BIDDING_WINDOW_HOURS), not always 24 hours', () => {
    const twoDays = { ...publication, minWindowHours: 48 };
    expect(() => validateWindow(opensAt, hoursLater(48), twoDays)).not.toThrow();
    expect(fieldErrors(() => validateWindow(opensAt, hoursLater(47), twoDays))).toEqual([
      { field: 'closesAt', messages: ['must be at least 48 hours after opensAt'] },
    ]);
    expect(() => validateWindow(opensAt, hoursLater(2), { ...publication, minWindowHours: 2 })).not.toThrow();
  });
});

describe('assertWindowFromPublication (the window counts from publication)', () => {
  const publishedAt = new Date('2025-06-01T08:00:00.000Z');
  const publishing = (closesAt: string, hours = 24) => () => assertWindowFromPublication(new Date(closesAt), publishedAt, hours);

  it('publishes a challenge closing the minimum window after publication or later', () => {
    expect(publishing('2025-06-02T08:00:00.000Z')).not.toThrow();
    expect(publishing('2025-06-20T00:00:00.000Z')).not.toThrow();
    expect(publishing('2025-06-01T10:00:00.000Z', 2)).not.toThrow();
  });

  it('refuses one that closes 50 seconds after publication, whatever opensAt says (409, with the earliest closesAt)', () => {
    const attempt = publishing('2025-06-01T08:00:50.000Z');
    expect(attempt).toThrow(Conflict);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'BIDDING_WINDOW_TOO_SHORT',
        details: { closesAt: '2025-06-01T08:00:50.000Z', earliestClosesAt: '2025-06-02T08:00:00.000Z', minWindowHours: 24 },
      }),
    );
  });

  it('refuses one a millisecond short of the window, and counts the deployment’s minimum', () => {
    expect(publishing('2025-06-02T07:59:59.999Z')).toThrow(expect.objectContaining({ code: 'BIDDING_WINDOW_TOO_SHORT' }));
    expect(publishing('2025-06-02T08:00:00.000Z', 72)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ earliestClosesAt: '2025-06-04T08:00:00.000Z', minWindowHours: 72 }) }),
    );
  });
});

describe('validateAmendment', () => {
  const now = new Date('2025-06-10T00:00:00Z');
  const current: AmendableTerms = {
    closesAt: new Date('2025-06-30T16:00:00Z'),
    rubric: RUBRIC,
    passMark: 60,
    rewardFen: 50_000_000, // 500,000.00 CNY
  };
  const amend = (change: Partial<AmendableTerms>, at = now) => () =>
    validateAmendment(current, { ...current, ...change }, at);

  it('accepts a later deadline, a higher reward and an equal copy of the rubric', () => {
    const rubricCopy = RUBRIC.map((c) => ({ ...c }));
    expect(amend({})).not.toThrow();
    const later = new Date('2025-07-15T16:00:00Z');
    expect(amend({ closesAt: later, rewardFen: 60_000_000, rubric: rubricCopy })).not.toThrow();
  });

  it('refuses to move closesAt earlier', () => {
    const attempt = amend({ closesAt: new Date('2025-06-30T15:59:59Z') });
    expect(attempt).toThrow(Conflict);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'CLOSES_AT_EARLIER',
        details: { current: '2025-06-30T16:00:00.000Z', next: '2025-06-30T15:59:59.000Z' },
      }),
    );
  });

  it.each<[string, RubricCriterion[]]>([
    ['a weight moves', [criterion('technical', 50), criterion('team', 20), criterion('price', 30)]],
    ['the order changes', [RUBRIC[1], RUBRIC[0], RUBRIC[2]]],
    ['a description is reworded', [{ ...RUBRIC[0], description: 'Anything goes' }, RUBRIC[1], RUBRIC[2]]],
    ['a criterion is dropped', [RUBRIC[0], RUBRIC[1]]],
  ])('freezes the rubric: refused when %s', (_, rubric) => {
    expect(amend({ rubric })).toThrow(expect.objectContaining({ code: 'RUBRIC_FROZEN' }));
  });

  it.each([50, 70])('freezes the pass mark (60 -> %p)', (passMark) => {
    expect(amend({ passMark })).toThrow(
      expect.objectContaining({ code: 'PASS_MARK_FROZEN', details: { current: 60, next: passMark } }),
    );
  });

  it('refuses to lower the reward, by even one fen', () => {
    const attempt = amend({ rewardFen: 49_999_999 });
    expect(attempt).toThrow(expect.objectContaining({ code: 'REWARD_DECREASED' }));
    expect(attempt).toThrow('The reward cannot drop from 500,000.00 to 499,999.99 CNY');
  });

  it('refuses any amendment from closesAt on', () => {
    expect(amend({}, current.closesAt)).toThrow(expect.objectContaining({ code: 'BIDDING_CLOSED' }));
    expect(amend({ rewardFen: 70_000_000 }, new Date('2025-07-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'BIDDING_CLOSED' }),
    );
  });
});

describe('rubricProblems', () => {
  it('lists the problems validateRubric throws, without throwing', () => {
    expect(rubricProblems(RUBRIC)).toEqual([]);
    expect(rubricProblems([criterion('a', 50), criterion('b', 49)])).toEqual([
      { field: 'rubric', messages: ['weights must sum to 100, not 99'] },
    ]);
  });
});

describe('eligibilityProblems', () => {
  const TEAM = '7d3c1f1e-1111-4c4c-8888-000000000001';
  const ORG = '7d3c1f1e-2222-4c4c-8888-000000000002';

  it('accepts an open challenge that invites nobody, and an invite-only one that invites a team or an organisation', () => {
    expect(eligibilityProblems('OPEN', [], [])).toEqual([]);
    expect(eligibilityProblems('INVITE_ONLY', [TEAM], [])).toEqual([]);
    expect(eligibilityProblems('INVITE_ONLY', [], [ORG])).toEqual([]);
  });

  it('needs somebody invited to an invite-only challenge', () => {
    expect(eligibilityProblems('INVITE_ONLY', [], [])).toEqual([
      { field: 'invitedTeamIds', messages: [expect.stringContaining('at least one team or organisation')] },
    ]);
  });

  it('refuses invitations to an open challenge, naming the list', () => {
    expect(eligibilityProblems('OPEN', [], [ORG])).toEqual([{ field: 'invitedOrgIds', messages: ['must be empty when eligibility is OPEN'] }]);
  });
});

describe('challengeTermsProblems', () => {
  it('reports the window, the rubric and the eligibility at once', () => {
    const terms = {
      opensAt: new Date('2025-06-02T00:00:00Z'),
      closesAt: new Date('2025-06-01T00:00:00Z'),
      rubric: [criterion('technical', 60), criterion('team', 30)],
      eligibility: 'INVITE_ONLY' as const,
      invitedTeamIds: [],
      invitedOrgIds: [],
    };
    expect(challengeTermsProblems(terms, { forPublication: false }).map((p) => p.field)).toEqual(['closesAt', 'rubric', 'invitedTeamIds']);
    expect(() => validateChallengeTerms(terms, { forPublication: false })).toThrow(ValidationFailed);
  });
});

describe('validatePublishedAmendment', () => {
  const now = new Date('2025-06-10T00:00:00Z');
  const TEAM_A = '7d3c1f1e-1111-4c4c-8888-00000000000a';
  const TEAM_B = '7d3c1f1e-1111-4c4c-8888-00000000000b';
  const current: PublishedTerms = {
    opensAt: new Date('2025-06-01T00:00:00Z'),
    closesAt: new Date('2025-06-30T16:00:00Z'),
    rubric: RUBRIC,
    passMark: 60,
    rewardFen: 50_000_000,
    winners: 2,
    ipTerms: 'TRANSFER',
    ndaRequired: true,
    eligibility: 'INVITE_ONLY',
    invitedTeamIds: [TEAM_A],
    invitedOrgIds: [],
  };
  const amend = (change: Partial<PublishedTerms>) => () => validatePublishedAmendment(current, { ...current, ...change }, now);

  it('accepts a later deadline, a higher reward and another invited team', () => {
    expect(amend({ closesAt: new Date('2025-07-30T16:00:00Z'), rewardFen: 80_000_000, invitedTeamIds: [TEAM_A, TEAM_B] })).not.toThrow();
  });

  it('applies the rules of validateAmendment first', () => {
    expect(amend({ closesAt: new Date('2025-06-29T00:00:00Z'), winners: 3 })).toThrow(expect.objectContaining({ code: 'CLOSES_AT_EARLIER' }));
  });

  it.each<[string, Partial<PublishedTerms>]>([
    ['OPENS_AT_FROZEN', { opensAt: new Date('2025-06-02T00:00:00Z') }],
    ['WINNERS_FROZEN', { winners: 1 }],
    ['IP_TERMS_FROZEN', { ipTerms: 'SHARED' }],
    ['NDA_FROZEN', { ndaRequired: false }],
    ['ELIGIBILITY_FROZEN', { eligibility: 'OPEN', invitedTeamIds: [] }],
  ])('%s', (code, change) => {
    expect(amend(change)).toThrow(expect.objectContaining({ code }));
  });

  it('does not withdraw an invitation', () => {
    expect(amend({ invitedTeamIds: [TEAM_B] })).toThrow(
      expect.objectContaining({ code: 'INVITATION_WITHDRAWN', details: { withdrawn: [TEAM_A] } }),
    );
  });
});
