import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import { assertCanOpenPrices, assertChair, pricesOpening } from '@app/domain';
import { RoomMessage } from './dto/room-messages.dto';
import { CommandAck, RoomCommandRunner } from './room-command-runner';
import { aggregateOf, bidProgress, standingScores } from './room-views';

/** The second envelope of a two-envelope room: the chair opens the prices once the technical scoring of every bid is locked. */
@Injectable()
export class PriceEnvelopeService {
  constructor(private readonly commands: RoomCommandRunner) {}

  /**
   * Opens the prices: FORMULA scores the price criterion of every standing score from the quoted
   * prices; JUDGES reopens every bid for the judges to add it. The record keeps the prices and
   * every score changed.
   */
  openPrices(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'prices:open', message.opId, message, async ({ write, room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      assertCanOpenPrices(room.status, room, before.bids);
      const opening = pricesOpening(room.rubric, room, before.bids, standingScores(before));
      if (opening.sheets.length > 0) await write.rescore(opening.sheets);
      for (const bidId of opening.reopenedBidIds) await write.bid(bidId, { state: 'PRESENTING', lockedAt: null });
      room.pricesOpenedAt = at;
      const pricesOpenedAt = at.toISOString();
      return {
        action: 'prices.opened',
        payload: {
          priceCriterionKey: room.priceCriterionKey,
          priceScoring: room.priceScoring,
          lowestPriceFen: opening.lowestPriceFen,
          prices: opening.prices,
          rescored: opening.sheets.map((s) => ({ bidId: s.bidId, judgeId: s.judgeId, scores: s.scores, total: s.total, previousTotal: s.previousTotal })),
          reopenedBidIds: opening.reopenedBidIds,
        },
        event: (after) => ({
          type: 'prices.opened',
          data: { pricesOpenedAt, priceScoring: room.priceScoring, bids: after.bids.map((b) => bidProgress(after, b.bidId)) },
          chairData: { prices: opening.prices, aggregates: after.bids.map((b) => aggregateOf(after, b.bidId)) },
        }),
        ack: () => ({ pricesOpenedAt, prices: opening.prices }),
      };
    });
  }
}
