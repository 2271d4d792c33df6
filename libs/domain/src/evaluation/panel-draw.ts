import { createHash } from 'node:crypto';
import { compareStrings } from '../canonical';
import { FieldError, ValidationFailed } from '../errors';
import type { OrganisationIdentity } from '../identity/organisation-identity';
import { autoRecusal, BidForConflicts, ConflictLookback, RecusalReason } from './conflicts';
import { MAX_PANEL_SIZE, MIN_PANEL_SIZE } from './room-lifecycle';

/**
 * A drawn panel (随机抽取评审专家): the eligible experts of the pool, in canonical order, shuffled
 * by a stream of bytes derived from a 32-byte seed, the first `size` the panel and the next
 * `alternates` the ordered alternates. The procedure (docs/integrity.md, "A drawn panel"):
 *
 *   block_k  = SHA-256(seed bytes ‖ k as 4 bytes big-endian), k = 0, 1, 2, …
 *   stream   = block_0 ‖ block_1 ‖ …, read 4 bytes at a time as big-endian unsigned integers u
 *   below(m) = the first u < 2^32 − (2^32 mod m), mod m          (rejection: no modulo bias)
 *   ids      = the pool; for i = 0 … size + alternates − 1: swap ids[i] and ids[i + below(n − i)]
 *
 * Pure: the same pool, size, alternates and seed give the same panel on every machine.
 */

export const PANEL_SEED_BYTES = 32;
export const MAX_ALTERNATES = 15;
export const DEFAULT_PANEL_CAP_ROOMS = 3;
export const DEFAULT_PANEL_CAP_DAYS = 30;

export const DRAW_STATUSES = ['COMMITTED', 'RUN'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];

const SEED = /^[0-9a-f]{64}$/;
const TWO_32 = 2 ** 32;

/** The draw's source of integers: SHA-256 in counter mode over the seed. */
export class DrawStream {
  private readonly seed: Buffer;
  private block = Buffer.alloc(0);
  private counter = 0;
  private offset = 0;

  constructor(seedHex: string) {
    if (!SEED.test(seedHex)) throw new TypeError('A draw seed is 32 bytes in lowercase hex');
    this.seed = Buffer.from(seedHex, 'hex');
  }

  /** The next 4 bytes of the stream as a big-endian unsigned integer (blocks are 32 bytes: no integer straddles two). */
  next32(): number {
    if (this.offset === this.block.length) {
      const k = Buffer.alloc(4);
      k.writeUInt32BE(this.counter);
      this.counter += 1;
      this.block = createHash('sha256').update(Buffer.concat([this.seed, k])).digest();
      this.offset = 0;
    }
    const u = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return u;
  }

  /** A uniform integer in [0, m): integers at or above the largest multiple of m below 2^32 are drawn again. */
  below(m: number): number {
    if (!Number.isInteger(m) || m < 1 || m > TWO_32) throw new RangeError(`below(${m})`);
    const limit = TWO_32 - (TWO_32 % m);
    for (;;) {
      const u = this.next32();
      if (u < limit) return u % m;
    }
  }
}

/** SHA-256 of the seed's 32 bytes, lowercase hex: the commitment published before the draw is run. */
export const seedHash = (seedHex: string): string => createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');

/** SHA-256 of the pool's ids, each followed by a newline, in canonical order: the pool's commitment. */
export const poolHash = (pool: readonly string[]): string => createHash('sha256').update(pool.map((id) => `${id}\n`).join(''), 'utf8').digest('hex');

export interface DrawResult {
  panel: string[];
  alternates: string[];
}

/** The draw itself: `pool` must be distinct ids in canonical order (ascending by code unit), long enough for the panel and its alternates. */
export function drawPanel(pool: readonly string[], size: number, alternates: number, seedHex: string): DrawResult {
  if (pool.some((id, i) => i > 0 && compareStrings(pool[i - 1], id) >= 0)) throw new TypeError('The pool must be distinct ids in canonical order');
  const k = size + alternates;
  if (!Number.isInteger(size) || !Number.isInteger(alternates) || size < 1 || alternates < 0 || k > pool.length) {
    throw new RangeError(`Cannot draw ${size} + ${alternates} from ${pool.length}`);
  }
  const stream = new DrawStream(seedHex);
  const ids = [...pool];
  for (let i = 0; i < k; i += 1) {
    const j = i + stream.below(ids.length - i);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return { panel: ids.slice(0, size), alternates: ids.slice(size, k) };
}

/** A drawn panel is an odd number of judges, 3 to 15 (the alternates' range is the DTO's). */
export function validateDrawSize(size: number): void {
  if (size < MIN_PANEL_SIZE || size > MAX_PANEL_SIZE || size % 2 === 0) {
    throw ValidationFailed.field('size', `must be an odd number from ${MIN_PANEL_SIZE} to ${MAX_PANEL_SIZE}, not ${size}`);
  }
}

// --- eligibility ---------------------------------------------------------------------------------

export type DrawExclusionReason = 'NO_REQUESTED_FIELD' | RecusalReason | 'ROOM_CAP_REACHED';

export interface DrawCandidate {
  userId: string;
  fields: readonly string[];
  affiliation: OrganisationIdentity | null;
  /** Rooms the expert sits in that count against the cap: not finalised, or convened within the period. */
  roomsInPeriod: number;
}

export interface DrawExclusion {
  userId: string;
  /** Every reason that applies, in the order: field, conflicts (bid by bid), cap. */
  reasons: { reason: DrawExclusionReason; bidId?: string }[];
}

export interface DrawEligibility {
  /** The eligible experts' ids in canonical order: what is drawn from. */
  pool: string[];
  /** The experts left out, in canonical order, with why. */
  exclusions: DrawExclusion[];
}

/**
 * Who may be drawn: an expert of the pool with at least one of the requested fields (whole field,
 * any case), no automatic conflict (conflicts.ts: named as key personnel, team member within the look-back, same organisation) with any
 * shortlisted bid of the challenge, and sitting in fewer than `capRooms` rooms of the period.
 */
export function drawEligibility(
  candidates: readonly DrawCandidate[],
  fields: readonly string[],
  bids: readonly BidForConflicts[],
  capRooms: number,
  lookback: ConflictLookback,
): DrawEligibility {
  const wanted = new Set(fields.map((f) => f.toLowerCase()));
  const sorted = [...candidates].sort((a, b) => compareStrings(a.userId, b.userId));
  const pool: string[] = [];
  const exclusions: DrawExclusion[] = [];
  for (const expert of sorted) {
    const reasons: DrawExclusion['reasons'] = [];
    if (!expert.fields.some((f) => wanted.has(f.toLowerCase()))) reasons.push({ reason: 'NO_REQUESTED_FIELD' });
    for (const bid of bids) {
      const conflict = autoRecusal(expert, bid, lookback);
      if (conflict) reasons.push({ reason: conflict, bidId: bid.bidId });
    }
    if (expert.roomsInPeriod >= capRooms) reasons.push({ reason: 'ROOM_CAP_REACHED' });
    if (reasons.length === 0) pool.push(expert.userId);
    else exclusions.push({ userId: expert.userId, reasons });
  }
  return { pool, exclusions };
}

// --- convening from a draw or by hand ------------------------------------------------------------

export interface PanelChoice {
  judgeIds?: readonly string[];
  drawId?: string;
  handPickedReason?: string;
}

/** A room's panel is drawn (drawId) or hand-picked (judgeIds with a reason), never both. */
export function validatePanelChoice(choice: PanelChoice): 'DRAWN' | 'HAND_PICKED' {
  const errors: FieldError[] = [];
  if (choice.drawId !== undefined && choice.judgeIds !== undefined) {
    errors.push({ field: 'judgeIds', messages: ['is not given with drawId: the panel is the draw’s'] });
  } else if (choice.drawId === undefined && choice.judgeIds === undefined) {
    errors.push({ field: 'drawId', messages: ['or judgeIds is required'] });
  } else if (choice.judgeIds !== undefined && !choice.handPickedReason) {
    errors.push({ field: 'handPickedReason', messages: ['is required to hand-pick a panel (judgeIds)'] });
  } else if (choice.drawId !== undefined && choice.handPickedReason !== undefined) {
    errors.push({ field: 'handPickedReason', messages: ['is given with judgeIds only'] });
  }
  if (errors.length > 0) throw new ValidationFailed(errors, errors.map((e) => `${e.field}: ${e.messages[0]}`).join('; '));
  return choice.drawId === undefined ? 'HAND_PICKED' : 'DRAWN';
}
