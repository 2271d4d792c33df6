import type { BidEntity } from '@app/database';
import type { BidView, ReceiptView } from './dto/bid.dto';

export const toReceipt = (bid: Pick<BidEntity, 'id' | 'revision' | 'receivedAt' | 'contentHash'>): ReceiptView => ({
  bidId: bid.id,
  revision: bid.revision,
  receivedAt: bid.receivedAt.toISOString(),
  contentHash: bid.contentHash,
});

export function toBidView(bid: BidEntity, teamName: string): BidView {
  return {
    id: bid.id,
    challengeId: bid.challengeId,
    teamId: bid.teamId,
    teamName,
    status: bid.status,
    revision: bid.revision,
    technicalApproach: bid.technicalApproach,
    proposal: bid.proposal,
    quotedPriceFen: bid.quotedPriceFen,
    durationDays: bid.durationDays,
    milestones: bid.milestones.map((m) => ({
      title: m.title,
      dueDay: m.dueDay,
      deliverable: m.deliverable,
      paymentBasisPoints: m.paymentBasisPoints,
    })),
    keyPersonnelUserIds: bid.keyPersonnelUserIds,
    pledgedBy: bid.pledgedBy,
    pledgedAt: bid.pledgedAt.toISOString(),
    receipt: toReceipt(bid),
    shortlistReason: bid.shortlistReason,
    shortlistedAt: bid.shortlistedAt?.toISOString() ?? null,
    createdAt: bid.createdAt.toISOString(),
    updatedAt: bid.updatedAt.toISOString(),
  };
}
