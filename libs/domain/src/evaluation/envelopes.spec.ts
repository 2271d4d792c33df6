import { Conflict, DomainError, ValidationFailed } from '../errors';
import {
  assertCanOpenPrices,
  assertPriceScored,
  assertPricesOpen,
  EnvelopeState,
  envelopeOptions,
  formulaPriceScores,
  judgedCriteria,
  judgeSheet,
  pricesOpening,
  pricesSealed,
} from './envelopes';

function thrown(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** 40/30/30, each out of 10: a total in points is 4·tech + 3·team + 3·price. */
const RUBRIC = [
  { key: 'tech', weight: 40, maxScore: 10 },
  { key: 'team', weight: 30, maxScore: 10 },
  { key: 'price', weight: 30, maxScore: 10 },
];
const OPENED = new Date('2026-05-01T09:00:00Z');
const SINGLE: EnvelopeState = { envelopes: 'SINGLE', priceCriterionKey: null, priceScoring: null, pricesOpenedAt: null };
const formula = (pricesOpenedAt: Date | null = null): EnvelopeState => ({ envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'FORMULA', pricesOpenedAt });
const judges = (pricesOpenedAt: Date | null = null): EnvelopeState => ({ envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'JUDGES', pricesOpenedAt });
// 300,000.00, 450,000.00 and 500,000.00 CNY
const BIDS = [
  { bidId: 'a', quotedPriceFen: 50_000_000 },
  { bidId: 'b', quotedPriceFen: 30_000_000 },
  { bidId: 'c', quotedPriceFen: 45_000_000 },
];

describe('envelopeOptions', () => {
  it('is SINGLE by default, with no price criterion', () => {
    expect(envelopeOptions(RUBRIC, {})).toEqual({ envelopes: 'SINGLE', priceCriterionKey: null, priceScoring: null });
    expect(envelopeOptions(RUBRIC, { envelopes: 'SINGLE' })).toEqual({ envelopes: 'SINGLE', priceCriterionKey: null, priceScoring: null });
  });

  it('takes TWO with a criterion of the rubric and a way of scoring it', () => {
    expect(envelopeOptions(RUBRIC, { envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'JUDGES' })).toEqual({
      envelopes: 'TWO',
      priceCriterionKey: 'price',
      priceScoring: 'JUDGES',
    });
  });

  it('names every offending field', () => {
    const fields = (input: Parameters<typeof envelopeOptions>[1], rubric = RUBRIC) => {
      const error = thrown(() => envelopeOptions(rubric, input));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(error.code).toBe('VALIDATION_FAILED');
      return (error as ValidationFailed).fields;
    };
    expect(fields({ envelopes: 'TWO' })).toEqual([
      { field: 'priceCriterionKey', messages: ['is required with envelopes TWO'] },
      { field: 'priceScoring', messages: ['is required with envelopes TWO'] },
    ]);
    expect(fields({ envelopes: 'TWO', priceCriterionKey: 'cost', priceScoring: 'FORMULA' })).toEqual([
      { field: 'priceCriterionKey', messages: ['must be a criterion key of the rubric: tech, team, price'] },
    ]);
    expect(fields({ envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'FORMULA' }, [{ key: 'price', weight: 100, maxScore: 10 }])).toEqual([
      { field: 'priceCriterionKey', messages: ['must leave at least one technical criterion in the rubric'] },
    ]);
    expect(fields({ priceCriterionKey: 'price', priceScoring: 'FORMULA' })).toEqual([
      { field: 'priceCriterionKey', messages: ['is only given with envelopes TWO'] },
      { field: 'priceScoring', messages: ['is only given with envelopes TWO'] },
    ]);
  });
});

describe('the phases of a two-envelope room', () => {
  it('seals the prices of a TWO room until they are opened, never those of a SINGLE room', () => {
    expect(pricesSealed(SINGLE)).toBe(false);
    expect(pricesSealed(formula())).toBe(true);
    expect(pricesSealed(formula(OPENED))).toBe(false);
  });

  it('has judges score every criterion with one envelope, the technical ones while sealed, the price too once a JUDGES room opens it', () => {
    const keys = (envelope: EnvelopeState) => judgedCriteria(RUBRIC, envelope).map((c) => c.key);
    expect(keys(SINGLE)).toEqual(['tech', 'team', 'price']);
    expect(keys(judges())).toEqual(['tech', 'team']);
    expect(keys(judges(OPENED))).toEqual(['tech', 'team', 'price']);
    expect(keys(formula())).toEqual(['tech', 'team']);
    expect(keys(formula(OPENED))).toEqual(['tech', 'team']);
  });
});

describe('formulaPriceScores', () => {
  it('gives the lowest price full marks and the others maxScore × lowest / price, in hundredths rounded half up', () => {
    // b: 10.00; c: 10 × 300,000 / 450,000 = 6.666… -> 6.67; a: 10 × 300,000 / 500,000 = 6.00
    expect(formulaPriceScores(10, BIDS)).toEqual([
      { bidId: 'a', quotedPriceFen: 50_000_000, priceScore: 6 },
      { bidId: 'b', quotedPriceFen: 30_000_000, priceScore: 10 },
      { bidId: 'c', quotedPriceFen: 45_000_000, priceScore: 6.67 },
    ]);
  });

  it('rounds an exact half up and a hair under it down', () => {
    // 10 × 1 / 16 = 0.625 -> 0.63 (half up); 10 × 1 / 17 = 0.588… -> 0.59; 10 × 1 / 3 = 3.333… -> 3.33
    const scores = formulaPriceScores(10, [
      { bidId: 'low', quotedPriceFen: 1 },
      { bidId: 'x16', quotedPriceFen: 16 },
      { bidId: 'x17', quotedPriceFen: 17 },
      { bidId: 'x3', quotedPriceFen: 3 },
    ]);
    expect(scores.map((s) => s.priceScore)).toEqual([10, 0.63, 0.59, 3.33]);
  });

  it('stays exact for large prices and maxima', () => {
    const [low, high] = formulaPriceScores(1000, [
      { bidId: 'low', quotedPriceFen: 999_999_999_999 },
      { bidId: 'high', quotedPriceFen: 1_000_000_000_000 },
    ]);
    expect(low.priceScore).toBe(1000);
    // 1000 × 0.999999999999 = 999.999999999 -> 1000.00 (hundredths, half up)
    expect(high.priceScore).toBe(1000);
    expect(formulaPriceScores(7, [{ bidId: 'only', quotedPriceFen: 5 }])).toEqual([{ bidId: 'only', quotedPriceFen: 5, priceScore: 7 }]);
    expect(formulaPriceScores(10, [])).toEqual([]);
  });
});

describe('judgeSheet', () => {
  const sheet = (envelope: EnvelopeState, scores: unknown, bidId = 'c') => judgeSheet(RUBRIC, envelope, scores, { bidId, bids: BIDS });

  it('with one envelope is today’s score: every criterion, the total as judgeTotal', () => {
    expect(sheet(SINGLE, { tech: 8, team: 7, price: 9 })).toEqual({ scores: { tech: 8, team: 7, price: 9 }, total: 8000 });
    expect(thrown(() => sheet(SINGLE, { tech: 8, team: 7 })).code).toBe('VALIDATION_FAILED');
  });

  it('while sealed takes exactly the technical criteria; the total is the technical part', () => {
    // 4·8 + 3·7 = 53.00
    expect(sheet(judges(), { tech: 8, team: 7 })).toEqual({ scores: { tech: 8, team: 7 }, total: 5300 });
    const missing = thrown(() => sheet(formula(), { tech: 8 }));
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(missing.details).toEqual([{ field: 'scores.team', messages: ['is required'] }]);
  });

  it('refuses the price criterion while sealed, on its field', () => {
    for (const envelope of [judges(), formula()]) {
      const error = thrown(() => sheet(envelope, { tech: 8, team: 7, price: 9 }));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(error.code).toBe('PRICE_ENVELOPE_SEALED');
      expect(error.details).toEqual([{ field: 'scores.price', messages: ['is sealed until the chair opens the prices'] }]);
    }
  });

  it('once a JUDGES room opens its prices takes every criterion', () => {
    expect(sheet(judges(OPENED), { tech: 8, team: 7, price: 9 })).toEqual({ scores: { tech: 8, team: 7, price: 9 }, total: 8000 });
    expect((thrown(() => sheet(judges(OPENED), { tech: 8, team: 7 })).details as unknown[])[0]).toEqual({ field: 'scores.price', messages: ['is required'] });
  });

  it('once a FORMULA room opens its prices adds the formula’s price score and refuses the judge’s', () => {
    // c: price 6.67 -> 4·8 + 3·7 + 3·6.67 = 73.01
    expect(sheet(formula(OPENED), { tech: 8, team: 7 })).toEqual({ scores: { tech: 8, team: 7, price: 6.67 }, total: 7301 });
    const error = thrown(() => sheet(formula(OPENED), { tech: 8, team: 7, price: 10 }));
    expect(error.code).toBe('PRICE_SCORED_BY_FORMULA');
    expect(error.details).toEqual([{ field: 'scores.price', messages: ['is scored by the price formula'] }]);
  });
});

describe('assertCanOpenPrices', () => {
  const locked = BIDS.map((b) => ({ bidId: b.bidId, state: 'LOCKED' as const }));

  it('opens the sealed prices of an open two-envelope room once every bid is locked', () => {
    expect(() => assertCanOpenPrices('OPEN', formula(), locked)).not.toThrow();
    expect(() => assertCanOpenPrices('OPEN', judges(), locked)).not.toThrow();
  });

  it('refuses outside an open room, with one envelope, twice, and with bids not locked (saying which)', () => {
    expect(thrown(() => assertCanOpenPrices('CONVENED', formula(), locked)).code).toBe('ROOM_NOT_OPEN');
    expect(thrown(() => assertCanOpenPrices('REVEALED', formula(), locked)).code).toBe('ROOM_NOT_OPEN');
    expect(thrown(() => assertCanOpenPrices('OPEN', SINGLE, locked)).code).toBe('SINGLE_ENVELOPE');
    const again = thrown(() => assertCanOpenPrices('OPEN', formula(OPENED), locked));
    expect(again.code).toBe('PRICES_ALREADY_OPEN');
    expect(again.details).toEqual({ pricesOpenedAt: OPENED.toISOString() });
    const open = thrown(() => assertCanOpenPrices('OPEN', formula(), [...locked.slice(1), { bidId: 'a', state: 'PRESENTING' }, { bidId: 'd', state: 'PENDING' }]));
    expect(open).toBeInstanceOf(Conflict);
    expect(open.code).toBe('BIDS_NOT_LOCKED');
    expect(open.details).toEqual({ bidIds: ['a', 'd'] });
  });
});

describe('assertPricesOpen (the reveal) and assertPriceScored (a lock after a JUDGES opening)', () => {
  it('lets a single-envelope room reveal, and a two-envelope room once its prices are open', () => {
    expect(() => assertPricesOpen(SINGLE)).not.toThrow();
    expect(() => assertPricesOpen(judges(OPENED))).not.toThrow();
    expect(thrown(() => assertPricesOpen(formula())).code).toBe('PRICES_NOT_OPEN');
  });

  it('locks a bid of an opened JUDGES room only when every standing score has the price criterion', () => {
    const standing: { judgeId: string; scores: Record<string, number> }[] = [
      { judgeId: 'j1', scores: { tech: 8, team: 7, price: 9 } },
      { judgeId: 'j2', scores: { tech: 8, team: 7 } },
    ];
    const error = thrown(() => assertPriceScored(judges(OPENED), standing));
    expect(error.code).toBe('PRICE_SCORES_MISSING');
    expect(error.details).toEqual({ judgeIds: ['j2'] });
    expect(() => assertPriceScored(judges(OPENED), standing.slice(0, 1))).not.toThrow();
    // before the opening, and in the other kinds of room, the technical lock is today's
    for (const envelope of [judges(), formula(), formula(OPENED), SINGLE]) expect(() => assertPriceScored(envelope, standing)).not.toThrow();
  });
});

describe('pricesOpening', () => {
  const standing = [
    { bidId: 'a', judgeId: 'j1', scores: { tech: 8, team: 7 }, totalCenti: 5300 },
    { bidId: 'b', judgeId: 'j1', scores: { tech: 5, team: 5 }, totalCenti: 3500 },
    { bidId: 'c', judgeId: 'j2', scores: { tech: 9, team: 9 }, totalCenti: 6300 },
  ];

  it('FORMULA: prices every bid and applies the price score to every standing score', () => {
    const opening = pricesOpening(RUBRIC, formula(), BIDS, standing);
    expect(opening.lowestPriceFen).toBe(30_000_000);
    expect(opening.prices.map((p) => [p.bidId, p.priceScore])).toEqual([
      ['a', 6],
      ['b', 10],
      ['c', 6.67],
    ]);
    // a: 53 + 3·6 = 71.00; b: 35 + 30 = 65.00; c: 63 + 3·6.67 = 83.01
    expect(opening.sheets).toEqual([
      { bidId: 'a', judgeId: 'j1', scores: { tech: 8, team: 7, price: 6 }, total: 7100, previousTotal: 5300 },
      { bidId: 'b', judgeId: 'j1', scores: { tech: 5, team: 5, price: 10 }, total: 6500, previousTotal: 3500 },
      { bidId: 'c', judgeId: 'j2', scores: { tech: 9, team: 9, price: 6.67 }, total: 8301, previousTotal: 6300 },
    ]);
    expect(opening.reopenedBidIds).toEqual([]);
  });

  it('JUDGES: shows the prices, changes no score and reopens every bid', () => {
    const opening = pricesOpening(RUBRIC, judges(), BIDS, standing);
    expect(opening).toEqual({
      lowestPriceFen: 30_000_000,
      prices: BIDS.map((b) => ({ ...b, priceScore: null })),
      sheets: [],
      reopenedBidIds: ['a', 'b', 'c'],
    });
  });
});
