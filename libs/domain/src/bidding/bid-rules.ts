import { canonicalJson, compareStrings, sha256Hex } from '../canonical';
import { ValidationFailed } from '../errors';
import { Fen, formatYuan } from '../money';

export interface Milestone {
  title: string;
  /** Day of the delivery period, counted from the award, by which the deliverable is due. */
  dueDay: number;
  deliverable: string;
  /** Share of the quoted price paid on acceptance; 10000 basis points = 100%. */
  paymentBasisPoints: number;
}

export interface BidTerms {
  quotedPriceFen: Fen;
  durationDays: number;
  milestones: readonly Milestone[];
  keyPersonnelUserIds: readonly string[];
}

export interface BidContext {
  /** The challenge's reward: no bid may quote more. */
  rewardCeilingFen: Fen;
  teamMemberUserIds: readonly string[];
}

export const MAX_DURATION_DAYS = 3650;

const isIntegerIn = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

/** Throws ValidationFailed with every problem of the bid, each under its field path (`milestones.1.dueDay`). */
export function validateBid(input: BidTerms, ctx: BidContext): void {
  const problems = new Map<string, string[]>();
  const add = (path: string, message: string) => problems.set(path, [...(problems.get(path) ?? []), message]);
  const { quotedPriceFen: price, durationDays: duration, milestones, keyPersonnelUserIds: people } = input;

  if (!Number.isSafeInteger(price) || price < 1) add('quotedPriceFen', 'must be a whole number of fen, at least 1');
  else if (price > ctx.rewardCeilingFen) {
    add('quotedPriceFen', `must not exceed the reward of ${formatYuan(ctx.rewardCeilingFen)} CNY`);
  }
  const durationValid = isIntegerIn(duration, 1, MAX_DURATION_DAYS);
  if (!durationValid) add('durationDays', `must be a whole number of days from 1 to ${MAX_DURATION_DAYS}`);

  if (milestones.length === 0) add('milestones', 'must have at least one milestone');
  milestones.forEach((m, i) => {
    const at = `milestones.${i}`;
    if (m.title.trim() === '') add(`${at}.title`, 'must not be blank');
    if (m.deliverable.trim() === '') add(`${at}.deliverable`, 'must not be blank');
    if (!isIntegerIn(m.paymentBasisPoints, 1, 10_000)) {
      add(`${at}.paymentBasisPoints`, 'must be a whole number from 1 to 10000');
    }
    if (!Number.isInteger(m.dueDay) || m.dueDay < 1) add(`${at}.dueDay`, 'must be a whole number of days, at least 1');
    else if (durationValid && m.dueDay > duration) {
      add(`${at}.dueDay`, `day ${m.dueDay} is past the duration of ${duration} days`);
    }
    const previous = milestones[i - 1];
    if (previous && m.dueDay < previous.dueDay) {
      add(`${at}.dueDay`, `must not be before the due day of milestones.${i - 1} (day ${previous.dueDay})`);
    }
  });
  const sum = milestones.reduce((total, m) => total + m.paymentBasisPoints, 0);
  if (milestones.length > 0 && sum !== 10_000) {
    add('milestones', `payment shares must sum to 10000 basis points (100%), not ${sum}`);
  }

  people.forEach((userId, i) => {
    const first = people.indexOf(userId);
    if (first < i) add(`keyPersonnelUserIds.${i}`, `duplicates keyPersonnelUserIds.${first}`);
    else if (!ctx.teamMemberUserIds.includes(userId)) add(`keyPersonnelUserIds.${i}`, 'is not a member of the team');
  });

  if (problems.size > 0) {
    throw new ValidationFailed(
      [...problems].map(([path, messages]) => ({ field: path, messages })),
      'The bid is invalid',
    );
  }
}

/** The one JSON text of a bid's content that receipts are computed over: canonicalJson with strings and keys in Unicode NFC. */
export function canonicalBidContent(content: unknown): string {
  return canonicalJson(content, { root: 'content', nfc: true });
}

/** The receipt a team gets for a bid revision: the lowercase hex SHA-256 of its canonical content. */
export function receiptHash(canonicalContent: string): string {
  return sha256Hex(canonicalContent);
}

export interface BidReceipt {
  bidId: string;
  revision: number;
  hash: string;
}

/**
 * One hash over the sealed bids of a challenge: SHA-256 of the lines `bidId:revision:hash\n`,
 * sorted by bidId (then revision, then hash), so the order they are passed in does not matter.
 */
export function bidsDigest(receipts: readonly BidReceipt[]): string {
  const sorted = [...receipts].sort(
    (a, b) => compareStrings(a.bidId, b.bidId) || a.revision - b.revision || compareStrings(a.hash, b.hash),
  );
  return sha256Hex(sorted.map((r) => `${r.bidId}:${r.revision}:${r.hash}\n`).join(''));
}
