import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import {
  assertCanLock,
  assertCanOpen,
  assertCanPresent,
  assertCanScore,
  assertCanUnlock,
  assertChair,
  assertPanelJudge,
  assertPriceScored,
  judgeSheet,
  NotFound,
  pauseTimer,
  startTimer,
} from '@app/domain';
import { BidMessage, RoomMessage, SubmitScoreMessage, TimerStartMessage, UnlockBidMessage, WithdrawScoreMessage } from './dto/room-messages.dto';
import { CommandAck, RoomCommandRunner } from './room-command-runner';
import { roomTimer, setRoomTimer, slotOf } from './room-state';
import { aggregateOf, bidProgress, declarationCheck, isRecused, ownScoreOf, standingScores, timerView } from './room-views';

/** The live session: the room opens, bids are presented against the countdown, judges score, the chair locks. */
@Injectable()
export class LiveScoringService {
  constructor(private readonly commands: RoomCommandRunner) {}

  open(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'room:open', message.opId, message, async ({ room, participant, at, state }) => {
      assertChair(participant);
      assertCanOpen(room.status, declarationCheck(await state()));
      room.status = 'OPEN';
      room.openedAt = at;
      return {
        action: 'room.opened',
        payload: {},
        event: () => ({ type: 'room.opened', data: { openedAt: at.toISOString() } }),
      };
    });
  }

  /** The chair puts a bid on stage; its scoring opens and its countdown is set (paused) to the presentation length. */
  present(user: AuthUser, message: BidMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'room:present', message.opId, message, async ({ write, room, participant, at, state }) => {
      assertChair(participant);
      const slot = slotOf(await state(), message.bidId);
      assertCanPresent(room.status, slot.state);
      if (slot.state === 'PENDING') {
        await write.bid(slot.bidId, { state: 'PRESENTING', presentedAt: at });
      }
      const previousBidId = room.currentBidId;
      room.currentBidId = slot.bidId;
      const durationMs = slot.presentationMinutes * 60_000;
      setRoomTimer(room, { bidId: slot.bidId, phase: 'PRESENTATION', durationMs, remainingMs: durationMs, startedAt: null });
      return {
        action: 'bid.presented',
        payload: { bidId: slot.bidId, previousBidId },
        event: (after) => ({
          type: 'bid.presenting',
          data: { bidId: slot.bidId, teamName: slot.teamName, previousBidId, progress: bidProgress(after, slot.bidId), timer: timerView(after, at), serverTime: at.toISOString() },
        }),
      };
    });
  }

  startTimer(user: AuthUser, message: TimerStartMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'timer:start', message.opId, message, async ({ room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      const onStage = before.bids.find((b) => b.bidId === room.currentBidId) ?? null;
      const timer = startTimer(room.status, roomTimer(room), onStage, message.phase, at);
      setRoomTimer(room, timer);
      return {
        action: 'timer.started',
        payload: { bidId: timer.bidId, phase: timer.phase, durationMs: timer.durationMs, remainingMs: timer.remainingMs },
        event: (after) => ({ type: 'timer.started', data: { timer: timerView(after, at), serverTime: at.toISOString() } }),
        ack: (after) => ({ timer: timerView(after, at) }),
      };
    });
  }

  pauseTimer(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'timer:pause', message.opId, message, async ({ room, participant, at }) => {
      assertChair(participant);
      const timer = pauseTimer(room.status, roomTimer(room), at);
      setRoomTimer(room, timer);
      return {
        action: 'timer.paused',
        payload: { bidId: timer.bidId, phase: timer.phase, remainingMs: timer.remainingMs },
        event: (after) => ({ type: 'timer.paused', data: { timer: timerView(after, at), serverTime: at.toISOString() } }),
        ack: (after) => ({ timer: timerView(after, at) }),
      };
    });
  }

  lock(user: AuthUser, message: BidMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'bid:lock', message.opId, message, async ({ write, room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      const slot = slotOf(before, message.bidId);
      assertCanLock(room.status, slot.state);
      assertPriceScored(room, standingScores(before).filter((s) => s.bidId === slot.bidId));
      await write.bid(slot.bidId, { state: 'LOCKED', lockedAt: at });
      return {
        action: 'bid.locked',
        payload: { bidId: slot.bidId },
        event: (after) => ({
          type: 'bid.locked',
          data: { bidId: slot.bidId, lockedAt: at.toISOString(), progress: bidProgress(after, slot.bidId) },
          chairData: { aggregate: aggregateOf(after, slot.bidId) },
        }),
        ack: (after) => {
          const progress = bidProgress(after, slot.bidId);
          const missing = after.panel
            .map((p) => p.userId)
            .filter((id) => !progress.recusedJudgeIds.includes(id) && !progress.scoredBy.includes(id));
          return { bidId: slot.bidId, notScoredBy: missing };
        },
      };
    });
  }

  unlock(user: AuthUser, message: UnlockBidMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'bid:unlock', message.opId, message, async ({ write, room, participant, state }) => {
      assertChair(participant);
      const slot = slotOf(await state(), message.bidId);
      assertCanUnlock(room.status, slot.state);
      await write.bid(slot.bidId, { state: 'PRESENTING', lockedAt: null });
      return {
        action: 'bid.unlocked',
        payload: { bidId: slot.bidId, reason: message.reason },
        event: (after) => ({
          type: 'bid.unlocked',
          data: { bidId: slot.bidId, reason: message.reason, progress: bidProgress(after, slot.bidId) },
        }),
      };
    });
  }

  /**
   * A judge scores (or revises their scores of) a presented, unlocked bid they are not recused from;
   * in a two-envelope room the criteria of the current envelope (judgeSheet).
   */
  submitScore(user: AuthUser, message: SubmitScoreMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'score:submit', message.opId, message, async ({ write, room, participant, state }) => {
      assertPanelJudge(participant);
      const before = await state();
      const slot = slotOf(before, message.bidId);
      assertCanScore(room.status, slot.state, isRecused(before, user.id, slot.bidId));
      const { scores, total } = judgeSheet(room.rubric, room, message.scores, { bidId: slot.bidId, bids: before.bids });
      const comment = message.comment ? message.comment : null;
      const revision = standingScores(before).some((s) => s.bidId === slot.bidId && s.judgeId === user.id);
      await write.score(slot.bidId, user.id, scores, total, comment);
      return {
        action: 'score.submitted',
        payload: { bidId: slot.bidId, judgeId: user.id, scores, total, comment, revision, opId: message.opId },
        event: (after) => ({
          type: 'score.submitted',
          data: { bidId: slot.bidId, judgeId: user.id, revision, progress: bidProgress(after, slot.bidId) },
          chairData: { aggregate: aggregateOf(after, slot.bidId) },
        }),
        ack: (after) => ({ score: ownScoreOf(after, user.id, slot.bidId) }),
        ownScoreOf: { judgeId: user.id, bidId: slot.bidId },
      };
    });
  }

  /** A judge takes back their score of a bid before it is locked. */
  withdrawScore(user: AuthUser, message: WithdrawScoreMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'score:withdraw', message.opId, message, async ({ write, room, participant, state }) => {
      assertPanelJudge(participant);
      const before = await state();
      const slot = slotOf(before, message.bidId);
      assertCanScore(room.status, slot.state, isRecused(before, user.id, slot.bidId));
      if (!standingScores(before).some((s) => s.bidId === slot.bidId && s.judgeId === user.id)) throw new NotFound('Score');
      await write.withdrawScore(slot.bidId, user.id);
      return {
        action: 'score.withdrawn',
        payload: { bidId: slot.bidId, judgeId: user.id, opId: message.opId },
        event: (after) => ({
          type: 'score.withdrawn',
          data: { bidId: slot.bidId, judgeId: user.id, progress: bidProgress(after, slot.bidId) },
          chairData: { aggregate: aggregateOf(after, slot.bidId) },
        }),
        ack: () => ({ bidId: slot.bidId, score: null }),
        ownScoreOf: { judgeId: user.id, bidId: slot.bidId },
      };
    });
  }
}
