import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import {
  EvaluationRoomEntity,
  isUniqueViolation,
  publishEvent,
  RoomBidEntity,
  RoomDeclarationEntity,
  RoomObjectionEntity,
  RoomOperationEntity,
  RoomOperationResult,
  RoomPanelMemberEntity,
  RubricCriterionRecord,
} from '@app/database';
import {
  assertCanAnswerObjection,
  assertCanFinalize,
  assertCanLock,
  assertCanObject,
  assertCanOpen,
  assertCanPresent,
  assertCanReveal,
  assertCanScore,
  assertCanUnlock,
  assertChair,
  assertNotFinalized,
  assertPanelJudge,
  assertParticipant,
  autoRecusal,
  canonicalJson,
  ChallengeStatus,
  Conflict,
  Criterion,
  declarationsComplete,
  DEFAULT_AGGREGATION,
  FieldError,
  Forbidden,
  GENESIS_HASH,
  judgeTotal,
  NotFound,
  pauseTimer,
  readsAsStatusSql,
  RoomParticipant,
  sha256Hex,
  startTimer,
  Unprocessable,
  validatePanel,
  validateScores,
  ValidationFailed,
} from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ConveneRoomDto, DeclarationsDto, ObjectionDto, AnswerObjectionDto } from './dto/room.dto';
import { BidMessage, RoomMessage, SubmitScoreMessage, TimerStartMessage, UnlockBidMessage, WithdrawScoreMessage } from './dto/room-messages.dto';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomBidState, RoomState, roomStatus, roomTimer, setRoomTimer } from './room-state';
import { RoomPart, RoomStore } from './room-store';
import {
  aggregateOf,
  bidProgress,
  buildSnapshot,
  eventMessages,
  isRecused,
  ownScoreView,
  rankingOf,
  rankingView,
  RoomEventContent,
  RoomSnapshot,
  standingScores,
  timerView,
} from './room-views';

/** What every command answers: the room's version after it (the version of the event it caused). */
export interface CommandAck {
  version: number;
  /** True when this was a retry of an operation id already applied: nothing changed. */
  replayed?: boolean;
  [key: string]: unknown;
}

interface CommandContext {
  manager: EntityManager;
  room: EvaluationRoomEntity;
  user: AuthUser;
  participant: RoomParticipant;
  /** The database clock, read after the room lock. */
  at: Date;
  /** The room as it stands before this command. */
  state: () => Promise<RoomState>;
}

interface CommandOutcome {
  action: string;
  /** The room's tables the command wrote besides the room row: only these are read again for the views after it. */
  writes: readonly RoomPart[];
  payload: Record<string, unknown>;
  /** Built from the state after the command. */
  event: (after: RoomState) => RoomEventContent;
  ack?: (after: RoomState) => Record<string, unknown>;
  /** A judge whose own-score view changed. */
  ownScoreOf?: { judgeId: string; bidId: string };
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

function slotOf(state: RoomState, bidId: string): RoomBidState {
  const slot = state.bids.find((b) => b.bidId === bidId);
  if (!slot) throw new NotFound('Room bid');
  return slot;
}

function requestHash(command: string, request: object): string {
  const plain: unknown = JSON.parse(JSON.stringify({ command, request }));
  return sha256Hex(canonicalJson(plain));
}

/**
 * Every command of the evaluation room, for HTTP and the socket gateway alike. Each runs in one
 * transaction: lock the room row, check the rules, write, append the audit entry, bump the
 * version, commit; only then are the audiences told and the caller acknowledged.
 */
@Injectable()
export class RoomCommandsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
    private readonly broadcaster: RoomBroadcaster,
  ) {}

  async convene(user: AuthUser, dto: ConveneRoomDto): Promise<RoomSnapshot> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [challenge]: {
          id: string;
          status: string;
          closed: boolean;
          rubric: RubricCriterionRecord[];
          pass_mark: number;
          winners: number;
        }[] = await manager.query(
          `SELECT c.id, c.status, ${readsAsStatusSql('c', ChallengeStatus.CLOSED)} AS closed, c.rubric, c.pass_mark, c.winners
             FROM challenge c WHERE c.id = $1 FOR SHARE`,
          [dto.challengeId],
        );
        if (!challenge) throw new NotFound('Challenge');
        if (!challenge.closed) {
          throw new Conflict('CHALLENGE_NOT_CLOSED', `Bidding on this challenge has not closed (it is ${challenge.status})`);
        }
        if ((await manager.query('SELECT 1 FROM evaluation_room WHERE challenge_id = $1', [dto.challengeId])).length > 0) {
          throw new Conflict('ROOM_EXISTS', 'This challenge already has an evaluation room');
        }
        const [chair]: { roles: string[] }[] = await manager.query('SELECT roles FROM user_account WHERE id = $1', [dto.chairUserId]);
        if (!chair) throw ValidationFailed.field('chairUserId', 'is not a registered user');
        validatePanel(dto.judgeIds, dto.chairUserId, chair.roles.includes('ADMIN'));

        const experts: { user_id: string; affiliation_org_id: string | null; judge: boolean }[] = await manager.query(
          `SELECT e.user_id, e.affiliation_org_id, 'JUDGE' = ANY(u.roles) AS judge
             FROM expert e JOIN user_account u ON u.id = e.user_id WHERE e.user_id = ANY($1::uuid[])`,
          [dto.judgeIds],
        );
        const notJudges = dto.judgeIds.filter((id) => !experts.some((e) => e.user_id === id && e.judge));
        if (notJudges.length > 0) {
          throw ValidationFailed.field('judgeIds', `must be experts of the pool holding the JUDGE role; not: ${notJudges.join(', ')}`);
        }

        const bidIds = dto.bids.map((b) => b.bidId);
        const bids: { id: string; challenge_id: string; status: string; team_id: string; org_id: string | null }[] =
          await manager.query(
            `SELECT b.id, b.challenge_id, b.status, b.team_id, t.org_id FROM bid b JOIN team t ON t.id = b.team_id
              WHERE b.id = ANY($1::uuid[])`,
            [bidIds],
          );
        const problems: FieldError[] = [];
        dto.bids.forEach((slot, i) => {
          const bid = bids.find((b) => b.id === slot.bidId);
          if (!bid || bid.challenge_id !== dto.challengeId) {
            problems.push({ field: `bids.${i}.bidId`, messages: ['is not a bid on this challenge'] });
          } else if (bidIds.indexOf(slot.bidId) !== i) {
            problems.push({ field: `bids.${i}.bidId`, messages: ['is listed twice'] });
          }
        });
        if (problems.length > 0) throw new ValidationFailed(problems, problems.map((p) => `${p.field}: ${p.messages[0]}`).join('; '));
        const notShortlisted = bids.filter((b) => b.status !== 'SHORTLISTED').map((b) => b.id);
        if (notShortlisted.length > 0) {
          throw new Conflict('BID_NOT_SHORTLISTED', 'Only shortlisted bids are evaluated', { bidIds: notShortlisted });
        }
        const shortlisted: { id: string }[] = await manager.query(
          `SELECT id FROM bid WHERE challenge_id = $1 AND status = 'SHORTLISTED'`,
          [dto.challengeId],
        );
        const left = shortlisted.map((b) => b.id).filter((id) => !bidIds.includes(id));
        if (left.length > 0) {
          throw new Conflict('SHORTLIST_INCOMPLETE', 'Every shortlisted bid of the challenge must be in the room', { bidIds: left });
        }

        const room = manager.create(EvaluationRoomEntity, {
          challengeId: dto.challengeId,
          status: 'CONVENED',
          chairUserId: dto.chairUserId,
          aggregation: dto.aggregation ?? DEFAULT_AGGREGATION,
          objectionWindowMinutes: dto.objectionWindowMinutes,
          rubric: challenge.rubric,
          passMark: challenge.pass_mark,
          winners: challenge.winners,
          version: 0,
          currentBidId: null,
          timerBidId: null,
          timerPhase: null,
          timerDurationMs: null,
          timerRemainingMs: null,
          timerStartedAt: null,
          openedAt: null,
          revealedAt: null,
          objectionWindowEndsAt: null,
          finalizedAt: null,
          chainHead: GENESIS_HASH,
          createdBy: user.id,
        });
        await manager.insert(EvaluationRoomEntity, room);
        await manager.insert(
          RoomPanelMemberEntity,
          dto.judgeIds.map((userId, i) => ({ roomId: room.id, userId, position: i + 1 })),
        );
        await manager.insert(
          RoomBidEntity,
          dto.bids.map((slot, i) => ({
            roomId: room.id,
            bidId: slot.bidId,
            position: i + 1,
            presentationMinutes: slot.presentationMinutes,
            qaMinutes: slot.qaMinutes,
            state: 'PENDING',
            presentedAt: null,
            lockedAt: null,
          })),
        );

        // Automatic recusal (回避): same organisation as the team, or ever a member of it.
        const members: { team_id: string; user_ids: string[] }[] = await manager.query(
          `SELECT team_id, array_agg(DISTINCT user_id) AS user_ids FROM team_member WHERE team_id = ANY($1::uuid[]) GROUP BY team_id`,
          [bids.map((b) => b.team_id)],
        );
        const at = await this.store.clock(manager);
        const recusals = dto.judgeIds.flatMap((judgeId) => {
          const expert = experts.find((e) => e.user_id === judgeId);
          return bidIds.flatMap((bidId) => {
            const bid = bids.find((b) => b.id === bidId);
            const reason = autoRecusal(
              { userId: judgeId, affiliationOrgId: expert?.affiliation_org_id ?? null },
              { orgId: bid?.org_id ?? null, memberUserIdsEver: members.find((m) => m.team_id === bid?.team_id)?.user_ids ?? [] },
            );
            return reason ? [{ judgeId, bidId, reason }] : [];
          });
        });
        if (recusals.length > 0) {
          await manager.insert(
            RoomDeclarationEntity,
            recusals.map((r) => ({ roomId: room.id, judgeId: r.judgeId, bidId: r.bidId, conflict: true, automatic: true, reason: r.reason, declaredAt: at })),
          );
        }
        await this.store.append(
          manager,
          room,
          user.id,
          'room.convened',
          {
            challengeId: dto.challengeId,
            chairUserId: dto.chairUserId,
            judgeIds: dto.judgeIds,
            bids: dto.bids.map((slot, i) => ({ bidId: slot.bidId, position: i + 1, presentationMinutes: slot.presentationMinutes, qaMinutes: slot.qaMinutes })),
            aggregation: room.aggregation,
            objectionWindowMinutes: room.objectionWindowMinutes,
            rubric: room.rubric,
            passMark: room.passMark,
            winners: room.winners,
            automaticRecusals: recusals,
          },
          at,
        );
        await this.store.saveRoom(manager, room);
        await publishEvent(manager, 'evaluation.started', { roomId: room.id, challengeId: dto.challengeId });
        const participant = await this.store.participant(manager, room, user);
        return buildSnapshot(await this.store.load(manager, room), assertParticipant(participant), user.id, at);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict('ROOM_EXISTS', 'This challenge already has an evaluation room');
      }
      throw error;
    }
  }

  /** A judge declares, per bid, a conflict of interest or none, while the room is convened. */
  declare(user: AuthUser, roomId: string, dto: DeclarationsDto): Promise<CommandAck> {
    return this.execute(user, roomId, 'declarations', undefined, dto, async ({ manager, room, participant, at, state }) => {
      assertPanelJudge(participant);
      assertNotFinalized(roomStatus(room));
      if (room.status !== 'CONVENED') {
        throw new Conflict('ROOM_NOT_CONVENED', 'Declarations are made before the room opens');
      }
      const before = await state();
      const problems: FieldError[] = [];
      const seen = new Set<string>();
      dto.declarations.forEach((d, i) => {
        if (!before.bids.some((b) => b.bidId === d.bidId)) problems.push({ field: `declarations.${i}.bidId`, messages: ['is not a bid of this room'] });
        else if (seen.has(d.bidId)) problems.push({ field: `declarations.${i}.bidId`, messages: ['is declared twice'] });
        if (d.conflict && !d.reason) problems.push({ field: `declarations.${i}.reason`, messages: ['is required with a conflict'] });
        seen.add(d.bidId);
      });
      if (problems.length > 0) throw new ValidationFailed(problems, problems.map((p) => `${p.field}: ${p.messages[0]}`).join('; '));
      const automatic = dto.declarations.filter((d) =>
        before.declarations.some((x) => x.judgeId === user.id && x.bidId === d.bidId && x.automatic),
      );
      const overruled = automatic.filter((d) => !d.conflict).map((d) => d.bidId);
      if (overruled.length > 0) {
        throw new Conflict('RECUSAL_AUTOMATIC', 'You are recused from these bids automatically; that cannot be declared away', {
          bidIds: overruled,
        });
      }
      const declared = dto.declarations.filter((d) => !automatic.includes(d));
      for (const d of declared) {
        await manager.query(
          `INSERT INTO room_declaration (room_id, judge_id, bid_id, conflict, automatic, reason, declared_at)
           VALUES ($1, $2, $3, $4, false, $5, $6)
           ON CONFLICT (room_id, judge_id, bid_id) DO UPDATE SET conflict = EXCLUDED.conflict, reason = EXCLUDED.reason, declared_at = EXCLUDED.declared_at`,
          [room.id, user.id, d.bidId, d.conflict, d.reason ?? null, at],
        );
      }
      return {
        action: 'declarations.made',
        writes: ['declarations'],
        payload: {
          judgeId: user.id,
          declarations: declared.map((d) => ({ bidId: d.bidId, conflict: d.conflict, reason: d.reason ?? null })),
        },
        event: (after) => ({
          type: 'declarations.updated',
          data: {
            judgeId: user.id,
            declaredOnEveryBid: after.bids.every((b) => after.declarations.some((x) => x.judgeId === user.id && x.bidId === b.bidId)),
            complete: this.declarationCheck(after).complete,
          },
        }),
        ack: (after) => ({
          declarations: after.declarations
            .filter((x) => x.judgeId === user.id)
            .map((x) => ({ bidId: x.bidId, conflict: x.conflict, automatic: x.automatic, reason: x.reason, declaredAt: x.declaredAt.toISOString() })),
          complete: this.declarationCheck(after).complete,
        }),
      };
    });
  }

  open(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'room:open', message.opId, message, async ({ room, participant, at, state }) => {
      assertChair(participant);
      assertCanOpen(roomStatus(room), this.declarationCheck(await state()));
      room.status = 'OPEN';
      room.openedAt = at;
      return {
        action: 'room.opened',
        writes: [],
        payload: {},
        event: () => ({ type: 'room.opened', data: { openedAt: at.toISOString() } }),
      };
    });
  }

  /** The chair puts a bid on stage; its scoring opens and its countdown is set (paused) to the presentation length. */
  present(user: AuthUser, message: BidMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'room:present', message.opId, message, async ({ manager, room, participant, at, state }) => {
      assertChair(participant);
      const slot = slotOf(await state(), message.bidId);
      assertCanPresent(roomStatus(room), slot.state);
      if (slot.state === 'PENDING') {
        await manager.update(RoomBidEntity, { roomId: room.id, bidId: slot.bidId }, { state: 'PRESENTING', presentedAt: at });
      }
      const previousBidId = room.currentBidId;
      room.currentBidId = slot.bidId;
      const durationMs = slot.presentationMinutes * 60_000;
      setRoomTimer(room, { bidId: slot.bidId, phase: 'PRESENTATION', durationMs, remainingMs: durationMs, startedAt: null });
      return {
        action: 'bid.presented',
        writes: ['bids'],
        payload: { bidId: slot.bidId, previousBidId },
        event: (after) => ({
          type: 'bid.presenting',
          data: { bidId: slot.bidId, teamName: slot.teamName, previousBidId, progress: bidProgress(after, slot.bidId), timer: timerView(after, at), serverTime: at.toISOString() },
        }),
      };
    });
  }

  startTimer(user: AuthUser, message: TimerStartMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'timer:start', message.opId, message, async ({ room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      const onStage = before.bids.find((b) => b.bidId === room.currentBidId) ?? null;
      const timer = startTimer(roomStatus(room), roomTimer(room), onStage, message.phase, at);
      setRoomTimer(room, timer);
      return {
        action: 'timer.started',
        writes: [],
        payload: { bidId: timer.bidId, phase: timer.phase, durationMs: timer.durationMs, remainingMs: timer.remainingMs },
        event: (after) => ({ type: 'timer.started', data: { timer: timerView(after, at), serverTime: at.toISOString() } }),
        ack: (after) => ({ timer: timerView(after, at) }),
      };
    });
  }

  pauseTimer(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'timer:pause', message.opId, message, async ({ room, participant, at }) => {
      assertChair(participant);
      const timer = pauseTimer(roomStatus(room), roomTimer(room), at);
      setRoomTimer(room, timer);
      return {
        action: 'timer.paused',
        writes: [],
        payload: { bidId: timer.bidId, phase: timer.phase, remainingMs: timer.remainingMs },
        event: (after) => ({ type: 'timer.paused', data: { timer: timerView(after, at), serverTime: at.toISOString() } }),
        ack: (after) => ({ timer: timerView(after, at) }),
      };
    });
  }

  lock(user: AuthUser, message: BidMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'bid:lock', message.opId, message, async ({ manager, room, participant, at, state }) => {
      assertChair(participant);
      const slot = slotOf(await state(), message.bidId);
      assertCanLock(roomStatus(room), slot.state);
      await manager.update(RoomBidEntity, { roomId: room.id, bidId: slot.bidId }, { state: 'LOCKED', lockedAt: at });
      return {
        action: 'bid.locked',
        writes: ['bids'],
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
    return this.execute(user, message.roomId, 'bid:unlock', message.opId, message, async ({ manager, room, participant, state }) => {
      assertChair(participant);
      const slot = slotOf(await state(), message.bidId);
      assertCanUnlock(roomStatus(room), slot.state);
      await manager.update(RoomBidEntity, { roomId: room.id, bidId: slot.bidId }, { state: 'PRESENTING', lockedAt: null });
      return {
        action: 'bid.unlocked',
        writes: ['bids'],
        payload: { bidId: slot.bidId, reason: message.reason },
        event: (after) => ({
          type: 'bid.unlocked',
          data: { bidId: slot.bidId, reason: message.reason, progress: bidProgress(after, slot.bidId) },
        }),
      };
    });
  }

  /** A judge scores (or revises their scores of) a presented, unlocked bid they are not recused from. */
  submitScore(user: AuthUser, message: SubmitScoreMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'score:submit', message.opId, message, async ({ manager, room, participant, at, state }) => {
      assertPanelJudge(participant);
      const before = await state();
      const slot = slotOf(before, message.bidId);
      assertCanScore(roomStatus(room), slot.state, isRecused(before, user.id, slot.bidId));
      const criteria: Criterion[] = room.rubric;
      validateScores(criteria, message.scores, 'scores');
      const scores = Object.fromEntries(criteria.map((c) => [c.key, (message.scores as Record<string, number>)[c.key]]));
      const total = judgeTotal(criteria, scores);
      const comment = message.comment ? message.comment : null;
      const revision = standingScores(before).some((s) => s.bidId === slot.bidId && s.judgeId === user.id);
      await manager.query(
        `INSERT INTO room_score (room_id, bid_id, judge_id, scores, total_centi, comment, updated_at, withdrawn_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
         ON CONFLICT (room_id, bid_id, judge_id) DO UPDATE
           SET scores = EXCLUDED.scores, total_centi = EXCLUDED.total_centi, comment = EXCLUDED.comment,
               updated_at = EXCLUDED.updated_at, withdrawn_at = NULL`,
        [room.id, slot.bidId, user.id, JSON.stringify(scores), total, comment, at],
      );
      return {
        action: 'score.submitted',
        writes: ['scores'],
        payload: { bidId: slot.bidId, judgeId: user.id, scores, total, comment, revision, opId: message.opId },
        event: (after) => ({
          type: 'score.submitted',
          data: { bidId: slot.bidId, judgeId: user.id, revision, progress: bidProgress(after, slot.bidId) },
          chairData: { aggregate: aggregateOf(after, slot.bidId) },
        }),
        ack: (after) => ({ score: this.ownScore(after, user.id, slot.bidId) }),
        ownScoreOf: { judgeId: user.id, bidId: slot.bidId },
      };
    });
  }

  /** A judge takes back their score of a bid before it is locked. */
  withdrawScore(user: AuthUser, message: WithdrawScoreMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'score:withdraw', message.opId, message, async ({ manager, room, participant, at, state }) => {
      assertPanelJudge(participant);
      const before = await state();
      const slot = slotOf(before, message.bidId);
      assertCanScore(roomStatus(room), slot.state, isRecused(before, user.id, slot.bidId));
      if (!standingScores(before).some((s) => s.bidId === slot.bidId && s.judgeId === user.id)) throw new NotFound('Score');
      await manager.query('UPDATE room_score SET withdrawn_at = $4 WHERE room_id = $1 AND bid_id = $2 AND judge_id = $3', [
        room.id,
        slot.bidId,
        user.id,
        at,
      ]);
      return {
        action: 'score.withdrawn',
        writes: ['scores'],
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

  /** The chair publishes the ranking once every bid is locked; the objection window starts. */
  reveal(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'room:reveal', message.opId, message, async ({ room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      assertCanReveal(roomStatus(room), before.bids);
      const ranking = rankingOf(before);
      room.status = 'REVEALED';
      room.revealedAt = at;
      room.objectionWindowEndsAt = new Date(at.getTime() + room.objectionWindowMinutes * 60_000);
      room.currentBidId = null;
      setRoomTimer(room, null);
      return {
        action: 'room.revealed',
        writes: [],
        payload: {
          ranking: ranking.map((r) => ({ bidId: r.bidId, rank: r.rank, panelScore: r.panelScore, eligible: r.eligible, awarded: r.awarded })),
          objectionWindowEndsAt: room.objectionWindowEndsAt.toISOString(),
        },
        event: (after) => ({
          type: 'room.revealed',
          data: { revealedAt: at.toISOString(), objectionWindowEndsAt: iso(after.room.objectionWindowEndsAt), ranking: rankingView(after, 'OBSERVER') },
          chairData: { ranking: rankingView(after, 'CHAIR') },
        }),
        ack: (after) => ({ ranking: rankingView(after, 'CHAIR'), objectionWindowEndsAt: iso(after.room.objectionWindowEndsAt) }),
      };
    });
  }

  /** The chair awards the top N eligible bids after the objection window, every objection answered. Final. */
  finalize(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.execute(user, message.roomId, 'room:finalize', message.opId, message, async ({ manager, room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      const open = before.objections.filter((o) => o.answeredAt === null).length;
      assertCanFinalize(roomStatus(room), room.objectionWindowEndsAt ?? at, at, open);
      const ranking = rankingOf(before);
      const awardedBidIds = ranking.filter((r) => r.awarded).map((r) => r.bidId);
      const notAwardedBidIds = ranking.filter((r) => !r.awarded).map((r) => r.bidId);
      room.status = 'FINALIZED';
      room.finalizedAt = at;
      await publishEvent(manager, 'evaluation.finalized', { roomId: room.id, challengeId: room.challengeId, awardedBidIds, notAwardedBidIds });
      return {
        action: 'room.finalized',
        writes: [],
        payload: {
          awardedBidIds,
          notAwardedBidIds,
          ranking: ranking.map((r) => ({ bidId: r.bidId, rank: r.rank, panelScore: r.panelScore, eligible: r.eligible, awarded: r.awarded })),
        },
        event: () => ({ type: 'room.finalized', data: { finalizedAt: at.toISOString(), awardedBidIds } }),
        ack: () => ({ awardedBidIds, notAwardedBidIds }),
      };
    });
  }

  /** A member of a bidding team objects (公示异议) to the ranking during the window. */
  fileObjection(user: AuthUser, roomId: string, dto: ObjectionDto): Promise<CommandAck> {
    return this.execute(user, roomId, 'objection', undefined, dto, async ({ manager, room, participant, at, state }) => {
      slotOf(await state(), dto.bidId);
      if (!participant.teamBidIds.includes(dto.bidId)) {
        throw new Forbidden('NOT_BIDDING_TEAM', 'Only a member of the team that made this bid objects on it');
      }
      assertCanObject(roomStatus(room), room.objectionWindowEndsAt, at);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO room_objection (room_id, bid_id, filed_by, text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [room.id, dto.bidId, user.id, dto.text, at],
      );
      const objection = { id };
      return {
        action: 'objection.filed',
        writes: ['objections'],
        payload: { objectionId: objection.id, bidId: dto.bidId, text: dto.text },
        event: () => ({ type: 'objection.filed', data: { objectionId: objection.id, bidId: dto.bidId }, chairData: { text: dto.text } }),
        ack: () => ({ objection: { id: objection.id, bidId: dto.bidId, text: dto.text, answer: null, createdAt: at.toISOString(), answeredAt: null } }),
      };
    });
  }

  /** The admin answers an objection, once. */
  answerObjection(user: AuthUser, roomId: string, objectionId: string, dto: AnswerObjectionDto): Promise<CommandAck> {
    return this.execute(user, roomId, 'objection:answer', undefined, { objectionId, ...dto }, async ({ manager, room, participant, at, state }) => {
      if (!participant.isAdmin) throw new Forbidden('ROLE_REQUIRED', 'This needs the ADMIN role');
      const objection = (await state()).objections.find((o) => o.id === objectionId);
      if (!objection) throw new NotFound('Objection');
      assertCanAnswerObjection(roomStatus(room), objection.answeredAt !== null);
      await manager.update(RoomObjectionEntity, { id: objectionId }, { answer: dto.answer, answeredBy: user.id, answeredAt: at });
      return {
        action: 'objection.answered',
        writes: ['objections'],
        payload: { objectionId, bidId: objection.bidId, answer: dto.answer },
        event: () => ({ type: 'objection.answered', data: { objectionId, bidId: objection.bidId } }),
        ack: () => ({
          objection: { id: objectionId, bidId: objection.bidId, text: objection.text, answer: dto.answer, createdAt: objection.createdAt.toISOString(), answeredAt: at.toISOString() },
        }),
      };
    });
  }

  private declarationCheck(state: RoomState) {
    return declarationsComplete(
      state.panel.map((p) => p.userId),
      state.bids.map((b) => b.bidId),
      state.declarations,
    );
  }

  private ownScore(state: RoomState, judgeId: string, bidId: string) {
    const score = standingScores(state).find((s) => s.judgeId === judgeId && s.bidId === bidId);
    return score ? ownScoreView(score) : null;
  }

  /**
   * The transaction every command runs in. A repeated operation id answers the stored
   * acknowledgement without applying anything; the room is told only after the commit.
   */
  private async execute(
    user: AuthUser,
    roomId: string,
    command: string,
    opId: string | undefined,
    request: object,
    run: (context: CommandContext) => Promise<CommandOutcome>,
  ): Promise<CommandAck> {
    const hash = opId === undefined ? null : requestHash(command, request);
    const done = await this.dataSource.transaction(async (manager) => {
      const room = await this.store.lock(manager, roomId);
      const participant = await this.store.participant(manager, room, user);
      assertParticipant(participant);
      if (opId !== undefined && hash !== null) {
        const prior = await manager.findOneBy(RoomOperationEntity, { roomId: room.id, userId: user.id, opId });
        if (prior) {
          if (prior.result.requestHash !== hash) {
            throw new Unprocessable('OPERATION_ID_REUSED', 'This operation id was already used for another command or payload');
          }
          return { replayed: true as const, ack: { ...(prior.result.ack as CommandAck), replayed: true } };
        }
      }
      assertNotFinalized(roomStatus(room));
      const at = await this.store.clock(manager);
      const read: { before?: RoomState } = {};
      const outcome = await run({
        manager,
        room,
        user,
        participant,
        at,
        state: async () => (read.before ??= await this.store.load(manager, room)),
      });
      await this.store.append(manager, room, user.id, outcome.action, outcome.payload, at);
      await this.store.saveRoom(manager, room);
      // The room row is in memory; of the rest only what the command wrote is read again.
      const after = read.before ? await this.store.refresh(manager, read.before, outcome.writes) : await this.store.load(manager, room);
      const ack: CommandAck = { version: room.version, ...outcome.ack?.(after) };
      if (opId !== undefined && hash !== null) {
        const result: RoomOperationResult = { command, requestHash: hash, ack };
        await manager.query('INSERT INTO room_operation (room_id, user_id, op_id, result) VALUES ($1, $2, $3, $4)', [
          room.id,
          user.id,
          opId,
          JSON.stringify(result),
        ]);
      }
      const own = outcome.ownScoreOf;
      return {
        replayed: false as const,
        ack,
        messages: eventMessages(room.id, room.version, at, outcome.event(after)),
        own: own && {
          userId: own.judgeId,
          message: { roomId: room.id, version: room.version, bidId: own.bidId, score: this.ownScore(after, own.judgeId, own.bidId) },
        },
      };
    });
    if (done.replayed) return done.ack;
    this.broadcaster.publish(done.messages, done.own);
    return done.ack;
  }
}
