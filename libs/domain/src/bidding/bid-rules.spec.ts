import { FieldError, ValidationFailed } from '../errors';
import {
  BidContext,
  BidTerms,
  bidsDigest,
  canonicalBidContent,
  Milestone,
  receiptHash,
  validateBid,
} from './bid-rules';

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

const milestone = (dueDay: number, paymentBasisPoints: number): Milestone => ({
  title: `Milestone due on day ${dueDay}`,
  dueDay,
  deliverable: 'Test report signed by the enterprise',
  paymentBasisPoints,
});

/** Reward 500,000.00 CNY; a team of three. */
const CTX: BidContext = { rewardCeilingFen: 50_000_000, teamMemberUserIds: ['u-lead', 'u-engineer', 'u-student'] };

/** 480,000.00 CNY over 180 days, paid 30% + 30% + 40%. */
const BID: BidTerms = {
  quotedPriceFen: 48_000_000,
  durationDays: 180,
  milestones: [milestone(60, 3000), milestone(120, 3000), milestone(180, 4000)],
  keyPersonnelUserIds: ['u-lead', 'u-engineer'],
};

const errorsOf = (change: Partial<BidTerms>) => fieldErrors(() => validateBid({ ...BID, ...change }, CTX));

describe('validateBid', () => {
  it('accepts a bid within the reward, with shares summing to 100%', () => {
    expect(() => validateBid(BID, CTX)).not.toThrow();
  });

  it('accepts the limits: price = reward, 3650 days, one milestone on the last day, no key personnel', () => {
    const bid = { quotedPriceFen: 50_000_000, durationDays: 3650, milestones: [milestone(3650, 10_000)] };
    expect(() => validateBid({ ...bid, keyPersonnelUserIds: [] }, CTX)).not.toThrow();
  });

  it('accepts two milestones due on the same day', () => {
    expect(() => validateBid({ ...BID, milestones: [milestone(90, 5000), milestone(90, 5000)] }, CTX)).not.toThrow();
  });

  it.each([0, -100, 1.5, Number.NaN])('refuses the price %p fen', (quotedPriceFen) => {
    expect(errorsOf({ quotedPriceFen })).toEqual([
      { field: 'quotedPriceFen', messages: ['must be a whole number of fen, at least 1'] },
    ]);
  });

  it('refuses a price one fen above the reward', () => {
    expect(errorsOf({ quotedPriceFen: 50_000_001 })).toEqual([
      { field: 'quotedPriceFen', messages: ['must not exceed the reward of 500,000.00 CNY'] },
    ]);
  });

  it.each([0, 3651, 90.5])('refuses a duration of %p days', (durationDays) => {
    expect(errorsOf({ durationDays })).toEqual([
      { field: 'durationDays', messages: ['must be a whole number of days from 1 to 3650'] },
    ]);
  });

  it('needs at least one milestone', () => {
    expect(errorsOf({ milestones: [] })).toEqual([
      { field: 'milestones', messages: ['must have at least one milestone'] },
    ]);
  });

  it('needs the payment shares to sum to 100%: 30% + 30% + 39.99% is short', () => {
    expect(errorsOf({ milestones: [milestone(60, 3000), milestone(120, 3000), milestone(180, 3999)] })).toEqual([
      { field: 'milestones', messages: ['payment shares must sum to 10000 basis points (100%), not 9999'] },
    ]);
  });

  it.each([0, 10_001, 2500.5])('refuses a share of %p basis points', (share) => {
    expect(errorsOf({ milestones: [milestone(60, share), milestone(180, 10_000 - share)] })).toContainEqual({
      field: 'milestones.0.paymentBasisPoints',
      messages: ['must be a whole number from 1 to 10000'],
    });
  });

  it('refuses a milestone due after the bid’s duration', () => {
    expect(errorsOf({ milestones: [milestone(60, 5000), milestone(181, 5000)] })).toEqual([
      { field: 'milestones.1.dueDay', messages: ['day 181 is past the duration of 180 days'] },
    ]);
  });

  it.each([0, 30.5])('refuses the due day %p', (dueDay) => {
    expect(errorsOf({ milestones: [milestone(dueDay, 10_000)] })).toEqual([
      { field: 'milestones.0.dueDay', messages: ['must be a whole number of days, at least 1'] },
    ]);
  });

  it('refuses milestones whose due days go backwards', () => {
    expect(errorsOf({ milestones: [milestone(60, 3000), milestone(120, 3000), milestone(90, 4000)] })).toEqual([
      { field: 'milestones.2.dueDay', messages: ['must not be before the due day of milestones.1 (day 120)'] },
    ]);
  });

  it('refuses a milestone without a title or a deliverable', () => {
    const blank = { ...milestone(180, 10_000), title: ' ', deliverable: '' };
    expect(errorsOf({ milestones: [blank] })).toEqual([
      { field: 'milestones.0.title', messages: ['must not be blank'] },
      { field: 'milestones.0.deliverable', messages: ['must not be blank'] },
    ]);
  });

  it('refuses key personnel from outside the team', () => {
    expect(errorsOf({ keyPersonnelUserIds: ['u-lead', 'u-stranger'] })).toEqual([
      { field: 'keyPersonnelUserIds.1', messages: ['is not a member of the team'] },
    ]);
  });

  it('refuses the same person named twice', () => {
    expect(errorsOf({ keyPersonnelUserIds: ['u-lead', 'u-engineer', 'u-lead'] })).toEqual([
      { field: 'keyPersonnelUserIds.2', messages: ['duplicates keyPersonnelUserIds.0'] },
    ]);
  });

  it('reports every problem at once', () => {
    const bid: BidTerms = {
      quotedPriceFen: 60_000_000,
      durationDays: 100,
      milestones: [milestone(120, 6000), milestone(0, 3000)],
      keyPersonnelUserIds: ['u-stranger', 'u-stranger'],
    };
    expect(fieldErrors(() => validateBid(bid, CTX))).toEqual([
      { field: 'quotedPriceFen', messages: ['must not exceed the reward of 500,000.00 CNY'] },
      { field: 'milestones.0.dueDay', messages: ['day 120 is past the duration of 100 days'] },
      {
        field: 'milestones.1.dueDay',
        messages: [
          'must be a whole number of days, at least 1',
          'must not be before the due day of milestones.0 (day 120)',
        ],
      },
      { field: 'milestones', messages: ['payment shares must sum to 10000 basis points (100%), not 9000'] },
      { field: 'keyPersonnelUserIds.0', messages: ['is not a member of the team'] },
      { field: 'keyPersonnelUserIds.1', messages: ['duplicates keyPersonnelUserIds.0'] },
    ]);
  });
});

describe('canonicalBidContent', () => {
  it('sorts keys at every depth, keeps array order and leaves out whitespace', () => {
    const content = { title: '高原', milestones: [{ title: 'B', dueDay: 2 }, { dueDay: 1, title: 'A' }], done: false };
    expect(canonicalBidContent(content)).toBe(
      '{"done":false,"milestones":[{"dueDay":2,"title":"B"},{"dueDay":1,"title":"A"}],"title":"高原"}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalBidContent({ a: 1, b: { c: null, d: 'x' } })).toBe(
      canonicalBidContent({ b: { d: 'x', c: null }, a: 1 }),
    );
  });

  it('normalises strings and keys to NFC: é typed as e + accent equals é', () => {
    expect(canonicalBidContent({ 'caf\u0065\u0301': 'r\u0065\u0301sum\u0065\u0301' })).toBe('{"café":"résumé"}');
  });

  it('leaves out properties that are undefined', () => {
    expect(canonicalBidContent({ a: 1, note: undefined })).toBe('{"a":1}');
  });

  it.each<[string, unknown]>([
    ['NaN', { price: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['undefined in an array', [1, undefined]],
    ['a hole in an array', new Array<number>(2)],
    ['a Date', { submittedAt: new Date(0) }],
    ['a bigint', { price: 10n }],
    ['a class instance', new Map()],
  ])('refuses %s instead of changing it silently', (_, content) => {
    expect(() => canonicalBidContent(content)).toThrow(TypeError);
  });

  it('names where the bad value is', () => {
    expect(() => canonicalBidContent({ milestones: [{ dueDay: Number.NaN }] })).toThrow(
      'content.milestones.0.dueDay is not a value JSON carries exactly: NaN',
    );
  });

  it('refuses two keys that are the same text in NFC', () => {
    expect(() => canonicalBidContent({ '\u00e9': 1, '\u0065\u0301': 2 })).toThrow(TypeError);
  });
});

describe('receiptHash', () => {
  it('is the lowercase hex SHA-256 of the text (standard test vectors)', () => {
    expect(receiptHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(receiptHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives equal content written differently the same receipt', () => {
    expect(receiptHash(canonicalBidContent({ b: 'caf\u0065\u0301', a: 1 }))).toBe(
      receiptHash(canonicalBidContent({ a: 1, b: 'caf\u00e9' })),
    );
  });
});

describe('bidsDigest', () => {
  const receipts = [
    { bidId: 'bid-b', revision: 1, hash: 'bbbb' },
    { bidId: 'bid-a', revision: 3, hash: 'aaaa' },
  ];
  const digest = bidsDigest(receipts);

  it('hashes the receipts as sorted lines "bidId:revision:hash\\n"', () => {
    expect(digest).toBe(receiptHash('bid-a:3:aaaa\nbid-b:1:bbbb\n'));
  });

  it('ignores the order the receipts come in', () => {
    expect(bidsDigest([...receipts].reverse())).toBe(digest);
  });

  it.each([
    ['a revision', { ...receipts[0], revision: 2 }],
    ['a hash', { ...receipts[0], hash: 'cccc' }],
    ['a bid id', { ...receipts[0], bidId: 'bid-c' }],
  ])('changes when %s changes', (_, changed) => {
    expect(bidsDigest([changed, receipts[1]])).not.toBe(digest);
  });

  it('changes when a receipt is added or left out', () => {
    expect(bidsDigest([...receipts, { bidId: 'bid-c', revision: 1, hash: 'cccc' }])).not.toBe(digest);
    expect(bidsDigest([receipts[0]])).not.toBe(digest);
  });

  it('is the hash of nothing when there are no bids', () => {
    expect(bidsDigest([])).toBe(receiptHash(''));
  });
});
