import { Inject, Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { isUniqueViolation, publishEvent } from '@app/database';
import {
  assertNotFinalized,
  assertPanelJudge,
  assertParticipant,
  autoRecusal,
  Conflict,
  DEFAULT_AGGREGATION,
  envelopeOptions,
  FieldError,
  GENESIS_HASH,
  NotFound,
  validatePanel,
  ValidationFailed,
} from '@app/domain';
import { DataSource } from 'typeorm';
import { AccountReads } from '../experts/account.reads';
import { ExpertRepository } from '../experts/expert.repository';
import { ChallengeReads } from './challenge.reads';
import { ConveneRoomDto, DeclarationsDto } from './dto/room.dto';
import { CommandAck, RoomCommandRunner } from './room-command-runner';
import { RoomBidsReads } from './room-bids.reads';
import { RoomStore } from './room-store';
import { buildSnapshot, declarationCheck, RoomSnapshot } from './room-views';
import { RoomRepository } from './room.repository';

/** Convening a room (its panel, its bids, the automatic recusals) and the judges' declarations before it opens. */
@Injectable()
export class RoomConveningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
    private readonly commands: RoomCommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async convene(user: AuthUser, dto: ConveneRoomDto): Promise<RoomSnapshot> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rooms = new RoomRepository(manager);
        const bidReads = new RoomBidsReads(manager);
        const challenge = await new ChallengeReads(manager).toConvene(dto.challengeId);
        if (!challenge) throw new NotFound('Challenge');
        if (!challenge.closed) {
          throw new Conflict('CHALLENGE_NOT_CLOSED', `Bidding on this challenge has not closed (it is ${challenge.status})`);
        }
        if (await rooms.existsForChallenge(dto.challengeId)) {
          throw new Conflict('ROOM_EXISTS', 'This challenge already has an evaluation room');
        }
        const chairRoles = await new AccountReads(manager).roles(dto.chairUserId);
        if (!chairRoles) throw ValidationFailed.field('chairUserId', 'is not a registered user');
        validatePanel(dto.judgeIds, dto.chairUserId, chairRoles.includes('ADMIN'));
        const envelope = envelopeOptions(challenge.rubric, dto);

        const experts = await new ExpertRepository(manager).panelCandidates(dto.judgeIds);
        const notJudges = dto.judgeIds.filter((id) => !experts.some((e) => e.userId === id && e.judge));
        if (notJudges.length > 0) {
          throw ValidationFailed.field('judgeIds', `must be experts of the pool holding the JUDGE role; not: ${notJudges.join(', ')}`);
        }

        const bidIds = dto.bids.map((b) => b.bidId);
        const bids = await bidReads.toConvene(bidIds);
        const problems: FieldError[] = [];
        dto.bids.forEach((slot, i) => {
          const bid = bids.find((b) => b.id === slot.bidId);
          if (!bid || bid.challengeId !== dto.challengeId) {
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
        const left = (await bidReads.shortlistedIds(dto.challengeId)).filter((id) => !bidIds.includes(id));
        if (left.length > 0) {
          throw new Conflict('SHORTLIST_INCOMPLETE', 'Every shortlisted bid of the challenge must be in the room', { bidIds: left });
        }

        const room = await rooms.convene(
          {
            challengeId: dto.challengeId,
            chairUserId: dto.chairUserId,
            aggregation: dto.aggregation ?? DEFAULT_AGGREGATION,
            objectionWindowMinutes: dto.objectionWindowMinutes,
            rubric: challenge.rubric,
            passMark: challenge.passMark,
            winners: challenge.winners,
            ...envelope,
            chainHead: GENESIS_HASH,
            createdBy: user.id,
          },
          dto.judgeIds,
          dto.bids,
        );

        // Automatic recusal (回避): same organisation as the team, or a member of it now or within the look-back.
        const memberships = await bidReads.memberships(bids.map((b) => b.teamId));
        const at = await rooms.clock();
        const lookback = { at, years: this.config.conflictLookbackYears };
        const recusals = dto.judgeIds.flatMap((judgeId) => {
          const expert = experts.find((e) => e.userId === judgeId);
          return bidIds.flatMap((bidId) => {
            const bid = bids.find((b) => b.id === bidId);
            const reason = autoRecusal(
              { userId: judgeId, affiliationOrgId: expert?.affiliationOrgId ?? null },
              { orgId: bid?.orgId ?? null, memberships: bid ? (memberships.get(bid.teamId) ?? []) : [] },
              lookback,
            );
            return reason ? [{ judgeId, bidId, reason }] : [];
          });
        });
        if (recusals.length > 0) await rooms.insertAutomaticRecusals(room.id, recusals, at);
        await rooms.append(
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
            ...envelope,
            automaticRecusals: recusals,
          },
          at,
        );
        await rooms.save(room);
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
    return this.commands.run(user, roomId, 'declarations', undefined, dto, async ({ write, room, participant, state }) => {
      assertPanelJudge(participant);
      assertNotFinalized(room.status);
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
        await write.declaration(user.id, d.bidId, d.conflict, d.reason ?? null);
      }
      return {
        action: 'declarations.made',
        payload: {
          judgeId: user.id,
          declarations: declared.map((d) => ({ bidId: d.bidId, conflict: d.conflict, reason: d.reason ?? null })),
        },
        event: (after) => ({
          type: 'declarations.updated',
          data: {
            judgeId: user.id,
            declaredOnEveryBid: after.bids.every((b) => after.declarations.some((x) => x.judgeId === user.id && x.bidId === b.bidId)),
            complete: declarationCheck(after).complete,
          },
        }),
        ack: (after) => ({
          declarations: after.declarations
            .filter((x) => x.judgeId === user.id)
            .map((x) => ({ bidId: x.bidId, conflict: x.conflict, automatic: x.automatic, reason: x.reason, declaredAt: x.declaredAt.toISOString() })),
          complete: declarationCheck(after).complete,
        }),
      };
    });
  }
}
