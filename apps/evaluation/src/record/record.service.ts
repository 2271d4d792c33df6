import { Injectable } from '@nestjs/common';
import { AuthUser, isAdmin } from '@app/auth';
import {
  AuditEntry,
  canReadAggregates,
  canReadRecord,
  canVerifyRecord,
  ChainVerification,
  Conflict,
  feedbackFor,
  formatPoints,
  Forbidden,
  leniency,
  NotFound,
  RoomParticipant,
  RoomStatus,
  verifyChain,
} from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RoomState } from '../rooms/room-state';
import { AccountReads } from '../experts/account.reads';
import { RoomBidsReads } from '../rooms/room-bids.reads';
import { RoomStore } from '../rooms/room-store';
import { RoomRepository } from '../rooms/room.repository';
import { rankingOf, standingScores, standingTotals } from '../rooms/room-views';
import { AuditView, FeedbackView, LeniencyView, VerificationView } from './dto/record.view';
import { buildReport, EvaluationReport } from './report';

function verification(entries: AuditEntry[], head: string): ChainVerification {
  return verifyChain(entries, head);
}

/** The room's record and what is made from it: audit, verification, report, feedback, leniency. */
@Injectable()
export class RecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
  ) {}

  private read<T>(run: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', run);
  }

  private async participant(manager: EntityManager, user: AuthUser | null, roomId: string) {
    const room = await new RoomRepository(manager).find(roomId);
    const participant = user ? await this.store.participant(manager, room, user) : null;
    return { room, participant };
  }

  private assertCanRead(participant: RoomParticipant | null, status: RoomStatus): asserts participant is RoomParticipant {
    if (!participant || !canVerifyRecord(participant, status)) throw new NotFound('Room');
    if (!canReadRecord(participant, status)) {
      throw new Forbidden('RECORD_RESTRICTED', 'The record is for the chair and the admins until the room is finalised, then also for the panel and the owner');
    }
  }

  audit(user: AuthUser, roomId: string): Promise<AuditView> {
    return this.read(async (manager) => {
      const { room, participant } = await this.participant(manager, user, roomId);
      this.assertCanRead(participant, room.status);
      return { roomId: room.id, chainHead: room.chainHead, entries: await new RoomRepository(manager).auditEntries(room.id) };
    });
  }

  /** Re-checks every link of the chain and the head kept on the room. Participants at any time; anyone once finalised. */
  verify(user: AuthUser | null, roomId: string): Promise<VerificationView> {
    return this.read(async (manager) => {
      const { room, participant } = await this.participant(manager, user, roomId);
      if (!canVerifyRecord(participant, room.status)) throw new NotFound('Room');
      const entries = await new RoomRepository(manager).auditEntries(room.id);
      const result = verification(entries, room.chainHead);
      return {
        roomId: room.id,
        entries: entries.length,
        chainHead: room.chainHead,
        valid: result.valid,
        brokenAtSeq: result.valid ? null : result.brokenAtSeq,
        reason: result.valid ? null : result.reason,
      };
    });
  }

  report(user: AuthUser, roomId: string): Promise<EvaluationReport> {
    return this.read(async (manager) => {
      const { room, participant } = await this.participant(manager, user, roomId);
      this.assertCanRead(participant, room.status);
      const state = await this.store.load(manager, room);
      const entries = await new RoomRepository(manager).auditEntries(room.id);
      const chairName = await new AccountReads(manager).displayName(room.chairUserId);
      return buildReport(state, chairName, { entries: entries.length, verification: verification(entries, room.chainHead) });
    });
  }

  /** A bidding team's own scorecard once the room is finalised: averages per criterion, rank, anonymous comments. */
  feedback(user: AuthUser, bidId: string): Promise<FeedbackView> {
    return this.read(async (manager) => {
      const found = await new RoomBidsReads(manager).roomOfBid(bidId, user.id);
      if (!found || !(found.member || isAdmin(user))) throw new NotFound('Feedback');
      const room = await new RoomRepository(manager).find(found.roomId);
      if (room.status !== 'FINALIZED') throw new Conflict('FEEDBACK_NOT_READY', 'Feedback is given once the room is finalised');
      const state: RoomState = await this.store.load(manager, room);
      const ranking = rankingOf(state);
      const own = ranking.find((r) => r.bidId === bidId);
      if (!own) throw new NotFound('Feedback');
      const scores = standingScores(state)
        .filter((s) => s.bidId === bidId)
        .map((s) => ({ judgeId: s.judgeId, scores: s.scores, comment: s.comment }));
      const card = feedbackFor(room.rubric, scores);
      const names = new Map(room.rubric.map((c) => [c.key, c.name]));
      return {
        bidId,
        roomId: room.id,
        rank: own.rank,
        of: ranking.length,
        panelScore: own.panelScore,
        panelPoints: own.panelScore === null ? null : formatPoints(own.panelScore),
        eligible: own.eligible,
        awarded: own.awarded,
        judges: card.judges,
        criteria: card.criteria.map((c) => ({ ...c, name: names.get(c.key) ?? c.key })),
        comments: card.comments,
      };
    });
  }

  /** Advisory: how lenient or strict each judge scores (z-scores), for the chair and the admins. */
  leniency(user: AuthUser, roomId: string): Promise<LeniencyView> {
    return this.read(async (manager) => {
      const { room, participant } = await this.participant(manager, user, roomId);
      if (!participant || !canVerifyRecord(participant, room.status)) throw new NotFound('Room');
      if (!canReadAggregates(participant)) throw new Forbidden('CHAIR_OR_ADMIN_ONLY', 'Leniency is for the chair and the admins');
      const state = await this.store.load(manager, room);
      const result = leniency(standingTotals(state).map((t) => ({ judgeId: t.judgeId, bidId: t.bidId, total: t.totalCenti })));
      const judgeName = new Map(state.panel.map((p) => [p.userId, p.displayName]));
      const teamName = new Map(state.bids.map((b) => [b.bidId, b.teamName]));
      return {
        judges: result.judges.map((j) => ({ ...j, displayName: judgeName.get(j.judgeId) ?? '' })),
        bids: result.bids.map((b) => ({ ...b, teamName: teamName.get(b.bidId) ?? '' })),
      };
    });
  }
}
