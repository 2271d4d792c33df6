import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { OutboxDispatcher } from '@app/database';
import { arisingRecusalEffect, arisingRecusals, DomainEvent } from '@app/domain';
import type { OwnScoreMessage } from '@app/domain/evaluation/room-protocol';
import { EntityManager } from 'typeorm';
import { conflictLookback, recusalsOfJudge } from './judge-conflicts';
import { RoomBidsReads } from './room-bids.reads';
import { RoomBroadcaster } from './room-broadcaster';
import { slotOf } from './room-state';
import { RoomStore } from './room-store';
import { bidProgress, eventMessages, RoomEventMessages, standingScores } from './room-views';
import { RoomWritesRepository } from './room-writes.repository';
import { RoomRepository } from './room.repository';

export const EVALUATION_CONSUMER = 'evaluation';

/** What made a conflict arise after convening, as the record keeps it. */
export interface ConflictSource {
  event: string;
  [detail: string]: unknown;
}

interface RoomTelling {
  messages: RoomEventMessages;
  own?: { userId: string; message: OwnScoreMessage };
}

/**
 * Conflicts stay live (docs/integrity.md): a tie between a panel judge and a bid that arises after
 * the room was convened recuses the judge from that bid at once. Bidding publishes the tie through
 * the outbox (`team.member.joined`, in the transaction of the accepted invitation); this consumer
 * applies it to evaluation's own tables in the dispatcher's transaction (exactly once per event),
 * and tells the room's audiences once that transaction has committed.
 */
@Injectable()
export class LiveConflictsService implements OnModuleInit {
  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly store: RoomStore,
    private readonly broadcaster: RoomBroadcaster,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.subscribe(EVALUATION_CONSUMER, 'team.member.joined', (event, manager) => this.memberJoined(event, manager));
  }

  async memberJoined(event: DomainEvent<'team.member.joined'>, manager: EntityManager): Promise<() => void> {
    const { teamId, userId } = event.payload;
    const told: RoomTelling[] = [];
    for (const roomId of await new RoomBidsReads(manager).roomsJudgingTeam(teamId, userId)) {
      told.push(...(await this.reassess(manager, roomId, userId, { event: event.type, eventId: event.id, teamId })));
    }
    return () => told.forEach((t) => this.broadcaster.publish(t.messages, t.own));
  }

  /**
   * Recuses the judge from every bid of the room they now have an automatic conflict with and are
   * not recused from yet: one record entry (`conflict.arose`, by no user) and one event per bid.
   * The room row is locked first, so this runs between the room's commands, never inside one.
   */
  async reassess(manager: EntityManager, roomId: string, judgeId: string, source: ConflictSource): Promise<RoomTelling[]> {
    const rooms = new RoomRepository(manager);
    const room = await rooms.lock(roomId);
    if (room.status === 'FINALIZED') return [];
    let state = await this.store.load(manager, room);
    if (!state.panel.some((p) => p.userId === judgeId)) return [];
    const at = await rooms.clock();
    const due = await recusalsOfJudge(
      manager,
      judgeId,
      state.bids.map((b) => b.bidId),
      conflictLookback(this.config, at),
    );
    const told: RoomTelling[] = [];
    for (const { bidId, reason } of arisingRecusals(due, state.declarations)) {
      const write = new RoomWritesRepository(manager, room, at);
      const scoreStands = standingScores(state).some((s) => s.judgeId === judgeId && s.bidId === bidId);
      const effect = arisingRecusalEffect(room.status, slotOf(state, bidId).state, scoreStands);
      await write.automaticRecusal(judgeId, bidId, reason);
      if (effect.withdrawScore) await write.withdrawScore(bidId, judgeId);
      const record = { judgeId, bidId, reason, source, scoreWithdrawn: effect.withdrawScore, flagged: effect.flagged };
      await rooms.append(room, null, 'conflict.arose', record, at);
      state = await this.store.refresh(manager, state, write.written);
      told.push({
        // Observers are told a bid's progress changed, not whose recusal: recusals are unsaid to them (progressView).
        messages: eventMessages(state, at, {
          type: 'conflict.arose',
          data: { bidId, progress: bidProgress(state, bidId) },
          chairData: { judgeId, reason, scoreWithdrawn: effect.withdrawScore, flagged: effect.flagged },
        }),
        ...(effect.withdrawScore ? { own: { userId: judgeId, message: { roomId: room.id, version: room.version, bidId, score: null } } } : {}),
      });
    }
    if (told.length > 0) await rooms.save(room);
    return told;
  }
}
