import { Conflict, FieldError, ValidationFailed } from '../errors';
import type { BidSlotState, RoomStatus } from './room-lifecycle';
import { Criterion, CriterionScores, validateScores, weightedTotal } from './scoring';

/**
 * Two envelopes (技术标 / 商务标): a room may score the technical criteria first with the prices
 * sealed, then open the prices and score the price criterion, by formula or by the judges. A room
 * convened with one envelope (SINGLE, the default) scores every criterion at once, as before.
 */
export const ENVELOPES = ['SINGLE', 'TWO'] as const;
export type Envelopes = (typeof ENVELOPES)[number];
export const DEFAULT_ENVELOPES: Envelopes = 'SINGLE';

/** FORMULA: the price criterion is computed from the quoted prices; JUDGES: the judges score it once the prices are open. */
export const PRICE_SCORINGS = ['FORMULA', 'JUDGES'] as const;
export type PriceScoring = (typeof PRICE_SCORINGS)[number];

/** How a room was convened: with two envelopes, which criterion is the price's and how it is scored. */
export interface EnvelopeOptions {
  envelopes: Envelopes;
  priceCriterionKey: string | null;
  priceScoring: PriceScoring | null;
}

/** The options and whether the prices are open yet (the room row holds these fields). */
export interface EnvelopeState extends EnvelopeOptions {
  pricesOpenedAt: Date | null;
}

/** Where a room stands between the envelopes, as the room row (a Date) or a snapshot (an ISO string) says it. */
export interface EnvelopePhase extends EnvelopeOptions {
  pricesOpenedAt: Date | string | null;
}

export interface PricedBid {
  bidId: string;
  quotedPriceFen: number;
}

function refuse(errors: FieldError[], code?: 'PRICE_ENVELOPE_SEALED' | 'PRICE_SCORED_BY_FORMULA'): never {
  throw new ValidationFailed(errors, errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; '), code);
}

/**
 * The convening options checked against the rubric the room freezes: with TWO, `priceCriterionKey`
 * (a key of the rubric, leaving at least one technical criterion) and `priceScoring` are required;
 * with SINGLE neither is given. Every offending field is named.
 */
export function envelopeOptions(
  rubric: readonly Criterion[],
  input: { envelopes?: Envelopes; priceCriterionKey?: string; priceScoring?: PriceScoring },
): EnvelopeOptions {
  const envelopes = input.envelopes ?? DEFAULT_ENVELOPES;
  const errors: FieldError[] = [];
  if (envelopes === 'SINGLE') {
    for (const field of ['priceCriterionKey', 'priceScoring'] as const) {
      if (input[field] !== undefined) errors.push({ field, messages: ['is only given with envelopes TWO'] });
    }
    if (errors.length > 0) refuse(errors);
    return { envelopes, priceCriterionKey: null, priceScoring: null };
  }
  const keys = rubric.map((c) => c.key);
  const { priceCriterionKey, priceScoring } = input;
  if (priceCriterionKey === undefined) {
    errors.push({ field: 'priceCriterionKey', messages: ['is required with envelopes TWO'] });
  } else if (!keys.includes(priceCriterionKey)) {
    errors.push({ field: 'priceCriterionKey', messages: [`must be a criterion key of the rubric: ${keys.join(', ')}`] });
  } else if (keys.length === 1) {
    errors.push({ field: 'priceCriterionKey', messages: ['must leave at least one technical criterion in the rubric'] });
  }
  if (priceScoring === undefined) errors.push({ field: 'priceScoring', messages: ['is required with envelopes TWO'] });
  if (errors.length > 0 || priceCriterionKey === undefined || priceScoring === undefined) refuse(errors);
  return { envelopes, priceCriterionKey, priceScoring };
}

/** The price criterion's key of a two-envelope room, or null with one envelope. */
function priceKeyOf(envelope: EnvelopeOptions): string | null {
  return envelope.envelopes === 'TWO' ? envelope.priceCriterionKey : null;
}

/** True while a two-envelope room's prices are sealed: no quoted price goes to anyone, no price is scored. */
export function pricesSealed(envelope: EnvelopePhase): boolean {
  return envelope.envelopes === 'TWO' && envelope.pricesOpenedAt === null;
}

/** True once the formula has scored the price criterion (a FORMULA room whose prices are open). */
function formulaScoresPrice(envelope: EnvelopeState): boolean {
  return envelope.envelopes === 'TWO' && envelope.priceScoring === 'FORMULA' && envelope.pricesOpenedAt !== null;
}

/**
 * The criteria a judge's score covers now: every criterion, except the price one in a two-envelope
 * room while its prices are sealed, and always in a FORMULA room (the formula scores it).
 */
export function judgedCriteria<C extends Criterion>(rubric: readonly C[], envelope: EnvelopePhase): C[] {
  const priceKey = priceKeyOf(envelope);
  const judgesPrice = priceKey === null || (envelope.priceScoring === 'JUDGES' && envelope.pricesOpenedAt !== null);
  return judgesPrice ? [...rubric] : rubric.filter((c) => c.key !== priceKey);
}

/**
 * The price criterion's score of every bid by the formula maxScore × lowest price / bid's price,
 * over all the bids given (the room's bids): the lowest price scores maxScore. Exact integer
 * arithmetic in hundredths of a point (the precision of a judge's score), rounded half up.
 */
export function formulaPriceScores(maxScore: number, bids: readonly PricedBid[]): (PricedBid & { priceScore: number })[] {
  if (bids.length === 0) return [];
  const lowest = BigInt(Math.min(...bids.map((b) => b.quotedPriceFen)));
  const maxHundredths = BigInt(Math.round(maxScore * 100));
  return bids.map((b) => {
    const price = BigInt(b.quotedPriceFen);
    const hundredths = (2n * maxHundredths * lowest + price) / (2n * price);
    return { ...b, priceScore: Number(hundredths) / 100 };
  });
}

/** The formula's price scores of a FORMULA room's bids (the price criterion's maxScore, all the room's bids). */
function roomPriceScores(rubric: readonly Criterion[], priceCriterionKey: string, bids: readonly PricedBid[]): (PricedBid & { priceScore: number })[] {
  const price = rubric.find((c) => c.key === priceCriterionKey);
  return formulaPriceScores(price?.maxScore ?? 0, bids);
}

/** A judge's scores of a bid as stored: the criteria they scored, in rubric order, and the total. */
export interface JudgeSheet {
  scores: CriterionScores;
  /** Σ score / maxScore × weight in centi-points, a criterion not (yet) scored counting 0: while sealed, the technical total. */
  total: number;
}

function sheetOf(rubric: readonly Criterion[], scores: Readonly<Record<string, number>>): JudgeSheet {
  const stored = Object.fromEntries(rubric.filter((c) => Object.hasOwn(scores, c.key)).map((c) => [c.key, scores[c.key]]));
  return { scores: stored, total: weightedTotal(rubric, stored) };
}

/**
 * A judge's submitted scores, checked and made into the sheet stored. A two-envelope room refuses
 * the price criterion while sealed (PRICE_ENVELOPE_SEALED) and in a FORMULA room
 * (PRICE_SCORED_BY_FORMULA), on `scores.<key>`; otherwise the scores must cover exactly
 * judgedCriteria (validateScores). Once a FORMULA room's prices are open, the formula's price
 * score of the bid (over `bids`, the room's) is added.
 */
export function judgeSheet(
  rubric: readonly Criterion[],
  envelope: EnvelopeState,
  submitted: unknown,
  bid: { bidId: string; bids: readonly PricedBid[] },
  field = 'scores',
): JudgeSheet {
  const priceKey = priceKeyOf(envelope);
  const criteria = judgedCriteria(rubric, envelope);
  const given = typeof submitted === 'object' && submitted !== null ? submitted : {};
  if (priceKey !== null && Object.hasOwn(given, priceKey) && !criteria.some((c) => c.key === priceKey)) {
    const sealed = pricesSealed(envelope);
    refuse(
      [{ field: `${field}.${priceKey}`, messages: [sealed ? 'is sealed until the chair opens the prices' : 'is scored by the price formula'] }],
      sealed ? 'PRICE_ENVELOPE_SEALED' : 'PRICE_SCORED_BY_FORMULA',
    );
  }
  validateScores(criteria, submitted, field);
  const scores: Record<string, number> = { ...submitted };
  if (priceKey !== null && formulaScoresPrice(envelope)) {
    const own = roomPriceScores(rubric, priceKey, bid.bids).find((b) => b.bidId === bid.bidId);
    if (own) scores[priceKey] = own.priceScore;
  }
  return sheetOf(rubric, scores);
}

/** The opening of the prices by the chair: an open two-envelope room, prices still sealed, every bid locked. */
export function assertCanOpenPrices(status: RoomStatus, envelope: EnvelopeState, slots: readonly { bidId: string; state: BidSlotState }[]): void {
  if (status !== 'OPEN') throw new Conflict('ROOM_NOT_OPEN', `The room is ${status}, not OPEN`);
  if (envelope.envelopes !== 'TWO') throw new Conflict('SINGLE_ENVELOPE', 'This room was convened with one envelope: its prices are not sealed');
  if (envelope.pricesOpenedAt !== null) {
    throw new Conflict('PRICES_ALREADY_OPEN', 'The prices of this room are already open', { pricesOpenedAt: envelope.pricesOpenedAt.toISOString() });
  }
  const unlocked = slots.filter((s) => s.state !== 'LOCKED').map((s) => s.bidId);
  if (unlocked.length > 0) {
    throw new Conflict('BIDS_NOT_LOCKED', `Technical scoring is still open on ${unlocked.length} bid(s)`, { bidIds: unlocked });
  }
}

/** The reveal of a two-envelope room waits for its prices. */
export function assertPricesOpen(envelope: EnvelopeState): void {
  if (pricesSealed(envelope)) throw new Conflict('PRICES_NOT_OPEN', 'The prices of this room have not been opened yet');
}

/**
 * Locking a bid once a JUDGES room's prices are open: every standing score of it must include the
 * price criterion (a judge whose score lacks it adds it, or withdraws the score).
 */
export function assertPriceScored(envelope: EnvelopeState, standing: readonly { judgeId: string; scores: CriterionScores }[]): void {
  const priceKey = priceKeyOf(envelope);
  if (priceKey === null || envelope.priceScoring !== 'JUDGES' || envelope.pricesOpenedAt === null) return;
  const missing = standing.filter((s) => !Object.hasOwn(s.scores, priceKey)).map((s) => s.judgeId);
  if (missing.length > 0) {
    throw new Conflict('PRICE_SCORES_MISSING', `${missing.length} judge(s) have not scored the price criterion of this bid`, { judgeIds: missing });
  }
}

/** A bid's quoted price as the prices are opened, with the formula's price score in a FORMULA room (null with JUDGES). */
export interface OpenedPrice extends PricedBid {
  priceScore: number | null;
}

/** What opening a FORMULA room's prices does to one standing score: its price criterion set, its total recomputed. */
export interface PricedSheet extends JudgeSheet {
  bidId: string;
  judgeId: string;
  previousTotal: number;
}

export interface PricesOpening {
  lowestPriceFen: number;
  prices: OpenedPrice[];
  /** FORMULA: every standing score with the bid's price score applied. */
  sheets: PricedSheet[];
  /** JUDGES: the bids whose scoring reopens (all of them) for the judges to add the price criterion. */
  reopenedBidIds: string[];
}

/**
 * Opening a two-envelope room's prices (after assertCanOpenPrices). FORMULA: each bid's price score
 * by formulaPriceScores over every bid of the room, applied to each standing score of the bid.
 * JUDGES: every bid reopens. Pure: the caller writes the outcome.
 */
export function pricesOpening(
  rubric: readonly Criterion[],
  envelope: EnvelopeOptions,
  bids: readonly PricedBid[],
  standing: readonly { bidId: string; judgeId: string; scores: CriterionScores; totalCenti: number }[],
): PricesOpening {
  const priceKey = priceKeyOf(envelope);
  const lowestPriceFen = Math.min(...bids.map((b) => b.quotedPriceFen));
  if (priceKey === null || envelope.priceScoring !== 'FORMULA') {
    return {
      lowestPriceFen,
      prices: bids.map((b) => ({ bidId: b.bidId, quotedPriceFen: b.quotedPriceFen, priceScore: null })),
      sheets: [],
      reopenedBidIds: bids.map((b) => b.bidId),
    };
  }
  const prices = roomPriceScores(rubric, priceKey, bids).map((b) => ({ bidId: b.bidId, quotedPriceFen: b.quotedPriceFen, priceScore: b.priceScore }));
  const byBid = new Map(prices.map((p) => [p.bidId, p.priceScore]));
  const sheets = standing.flatMap((s) => {
    const priceScore = byBid.get(s.bidId);
    if (priceScore === undefined) return [];
    return [{ bidId: s.bidId, judgeId: s.judgeId, ...sheetOf(rubric, { ...s.scores, [priceKey]: priceScore }), previousTotal: s.totalCenti }];
  });
  return { lowestPriceFen, prices, sheets, reopenedBidIds: [] };
}
