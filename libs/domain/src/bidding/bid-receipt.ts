import { canonicalBidContent, Milestone, receiptHash } from './bid-rules';

/**
 * Exactly what a bid revision's receipt is computed over and what bid_revision.content stores.
 * The receive time is not part of it, so anyone holding the content can recompute the hash.
 */
export type BidContent = {
  challengeId: string;
  teamId: string;
  revision: number;
  technicalApproach: string;
  proposal: string;
  quotedPriceFen: number;
  durationDays: number;
  milestones: Milestone[];
  keyPersonnelUserIds: string[];
  /** The team lead who made the pledge (军令状) with this revision. */
  pledgedBy: string;
};

const nfc = (text: string): string => text.normalize('NFC');

/**
 * The content as plain data with every text in Unicode NFC, so what is stored is byte for byte
 * what is hashed (no extra properties, no class instances).
 */
export function buildBidContent(input: BidContent): BidContent {
  return {
    challengeId: input.challengeId,
    teamId: input.teamId,
    revision: input.revision,
    technicalApproach: nfc(input.technicalApproach),
    proposal: nfc(input.proposal),
    quotedPriceFen: input.quotedPriceFen,
    durationDays: input.durationDays,
    milestones: input.milestones.map((m) => ({
      title: nfc(m.title),
      dueDay: m.dueDay,
      deliverable: nfc(m.deliverable),
      paymentBasisPoints: m.paymentBasisPoints,
    })),
    keyPersonnelUserIds: [...input.keyPersonnelUserIds],
    pledgedBy: input.pledgedBy,
  };
}

/** The receipt hash of a revision: hex SHA-256 of its canonical JSON (see canonicalBidContent). */
export function bidContentHash(content: Record<string, unknown>): string {
  return receiptHash(canonicalBidContent(content));
}

/** Proposals are markdown of at most 200 KB, counted in UTF-8 bytes. */
export const MAX_PROPOSAL_BYTES = 200 * 1024;

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
