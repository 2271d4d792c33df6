import { canonicalJson, sha256Hex } from '../canonical';

/**
 * The append-only record of an evaluation room: each entry's hash covers the previous
 * entry's hash and the entry itself, so changing, reordering or removing any entry breaks
 * every link after it. Anyone holding the entries can re-verify the chain with verifyChain.
 */

/** The prevHash of the first entry (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  seq: number;
  roomId: string;
  actorId: string | null;
  action: string;
  payload: unknown;
  /** ISO 8601 timestamp. */
  at: string;
}

export interface AuditEntry extends AuditEntryInput {
  prevHash: string;
  hash: string;
}

export type ChainBreakReason = 'SEQ_MISMATCH' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' | 'HEAD_MISMATCH';

export type ChainVerification =
  | { valid: true; head: string }
  | { valid: false; brokenAtSeq: number; reason: ChainBreakReason };

/** SHA-256 (lowercase hex) of `prevHash + "\n" + canonicalJson(entry)`, over the input fields only. */
export function chainHash(prevHash: string, entry: AuditEntryInput): string {
  const { seq, roomId, actorId, action, payload, at } = entry;
  const text = `${prevHash}\n${canonicalJson({ seq, roomId, actorId, action, payload, at })}`;
  return sha256Hex(text);
}

/** The entry to append after `prevHash` (GENESIS_HASH for the first). */
export function sealEntry(prevHash: string, entry: AuditEntryInput): AuditEntry {
  return { ...entry, prevHash, hash: chainHash(prevHash, entry) };
}

/**
 * Verifies a room's entries in stored order: seqs run 1, 2, 3, ... without gaps, each links
 * to the previous hash and each hash matches its content. `brokenAtSeq` is the first seq at
 * which the chain does not hold (for a missing or misplaced entry, the seq expected there).
 * Removing entries from the end is detectable only against a head kept elsewhere (e.g. on
 * the room): pass it as `expectedHead`.
 */
export function verifyChain(entries: readonly AuditEntry[], expectedHead?: string): ChainVerification {
  let head = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    if (entry.seq !== seq) return { valid: false, brokenAtSeq: seq, reason: 'SEQ_MISMATCH' };
    if (entry.prevHash !== head) return { valid: false, brokenAtSeq: seq, reason: 'PREV_HASH_MISMATCH' };
    if (chainHash(head, entry) !== entry.hash) return { valid: false, brokenAtSeq: seq, reason: 'HASH_MISMATCH' };
    head = entry.hash;
  }
  if (expectedHead !== undefined && expectedHead !== head) {
    return { valid: false, brokenAtSeq: entries.length + 1, reason: 'HEAD_MISMATCH' };
  }
  return { valid: true, head };
}
