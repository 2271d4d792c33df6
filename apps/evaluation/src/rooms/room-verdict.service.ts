import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import { assertCanAnswerObjection, assertCanFinalize, assertCanObject, assertCanReveal, assertChair, assertPricesOpen, Forbidden, NotFound } from '@app/domain';
import { AnswerObjectionDto, ObjectionDto } from './dto/room.dto';
import { RoomMessage } from './dto/room-messages.dto';
import { CommandAck, RoomCommandRunner } from './room-command-runner';
import { setRoomTimer, slotOf } from './room-state';
import { rankingOf, rankingView } from './room-views';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The verdict: the ranking revealed, objections (公示异议) filed and answered, the award made final. */
@Injectable()
export class RoomVerdictService {
  constructor(private readonly commands: RoomCommandRunner) {}

  /** The chair publishes the ranking once every bid is locked (and a two-envelope room's prices are open); the objection window starts. */
  reveal(user: AuthUser, message: RoomMessage): Promise<CommandAck> {
    return this.commands.run(user, message.roomId, 'room:reveal', message.opId, message, async ({ room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      assertCanReveal(room.status, before.bids);
      assertPricesOpen(room);
      const ranking = rankingOf(before);
      room.status = 'REVEALED';
      room.revealedAt = at;
      room.objectionWindowEndsAt = new Date(at.getTime() + room.objectionWindowMinutes * 60_000);
      room.currentBidId = null;
      setRoomTimer(room, null);
      return {
        action: 'room.revealed',
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
    return this.commands.run(user, message.roomId, 'room:finalize', message.opId, message, async ({ write, room, participant, at, state }) => {
      assertChair(participant);
      const before = await state();
      const open = before.objections.filter((o) => o.answeredAt === null).length;
      assertCanFinalize(room.status, room.objectionWindowEndsAt ?? at, at, open);
      const ranking = rankingOf(before);
      const awardedBidIds = ranking.filter((r) => r.awarded).map((r) => r.bidId);
      const notAwardedBidIds = ranking.filter((r) => !r.awarded).map((r) => r.bidId);
      room.status = 'FINALIZED';
      room.finalizedAt = at;
      await write.publish('evaluation.finalized', { roomId: room.id, challengeId: room.challengeId, awardedBidIds, notAwardedBidIds });
      return {
        action: 'room.finalized',
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
    return this.commands.run(user, roomId, 'objection', undefined, dto, async ({ write, room, participant, at, state }) => {
      slotOf(await state(), dto.bidId);
      if (!participant.teamBidIds.includes(dto.bidId)) {
        throw new Forbidden('NOT_BIDDING_TEAM', 'Only a member of the team that made this bid objects on it');
      }
      assertCanObject(room.status, room.objectionWindowEndsAt, at);
      const objectionId = await write.objection(dto.bidId, user.id, dto.text);
      return {
        action: 'objection.filed',
        payload: { objectionId, bidId: dto.bidId, text: dto.text },
        event: () => ({ type: 'objection.filed', data: { objectionId, bidId: dto.bidId }, chairData: { text: dto.text } }),
        ack: () => ({ objection: { id: objectionId, bidId: dto.bidId, text: dto.text, answer: null, createdAt: at.toISOString(), answeredAt: null } }),
      };
    });
  }

  /** The admin answers an objection, once. */
  answerObjection(user: AuthUser, roomId: string, objectionId: string, dto: AnswerObjectionDto): Promise<CommandAck> {
    return this.commands.run(user, roomId, 'objection:answer', undefined, { objectionId, ...dto }, async ({ write, room, participant, at, state }) => {
      if (!participant.isAdmin) throw new Forbidden('ROLE_REQUIRED', 'This needs the ADMIN role');
      const objection = (await state()).objections.find((o) => o.id === objectionId);
      if (!objection) throw new NotFound('Objection');
      assertCanAnswerObjection(room.status, objection.answeredAt !== null);
      await write.answer(objectionId, dto.answer, user.id);
      return {
        action: 'objection.answered',
        payload: { objectionId, bidId: objection.bidId, answer: dto.answer },
        event: () => ({ type: 'objection.answered', data: { objectionId, bidId: objection.bidId } }),
        ack: () => ({
          objection: { id: objectionId, bidId: objection.bidId, text: objection.text, answer: dto.answer, createdAt: objection.createdAt.toISOString(), answeredAt: at.toISOString() },
        }),
      };
    });
  }
}
