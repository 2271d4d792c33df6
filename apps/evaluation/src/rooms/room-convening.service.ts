import { Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import {
  EvaluationRoomEntity,
  isUniqueViolation,
  publishEvent,
  RoomBidEntity,
  RoomDeclarationEntity,
  RoomPanelMemberEntity,
  RubricCriterionRecord,
} from '@app/database';
import {
  assertNotFinalized,
  assertPanelJudge,
  assertParticipant,
  autoRecusal,
  ChallengeStatus,
  Conflict,
  DEFAULT_AGGREGATION,
  FieldError,
  GENESIS_HASH,
  NotFound,
  readsAsStatusSql,
  validatePanel,
  ValidationFailed,
} from '@app/domain';
import { DataSource } from 'typeorm';
import { ConveneRoomDto, DeclarationsDto } from './dto/room.dto';
import { CommandAck, RoomCommandRunner } from './room-command-runner';
import { roomStatus } from './room-state';
import { RoomStore } from './room-store';
import { buildSnapshot, declarationCheck, RoomSnapshot } from './room-views';

/** Convening a room (its panel, its bids, the automatic recusals) and the judges' declarations before it opens. */
@Injectable()
export class RoomConveningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
    private readonly commands: RoomCommandRunner,
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
    return this.commands.run(user, roomId, 'declarations', undefined, dto, async ({ write, room, participant, state }) => {
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
