import { Inject, Injectable } from '@nestjs/common';
import { AuthUser } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { connectionManager, isUniqueViolation, publishEvent } from '@app/database';
import {
  assertNotFinalized,
  assertPanelJudge,
  assertParticipant,
  acknowledgementRequired,
  assertWarningsAcknowledged,
  AutomaticRecusalOf,
  automaticRecusals,
  Conflict,
  ConflictLookback,
  ConveningWarning,
  conveningWarnings,
  DEFAULT_AGGREGATION,
  envelopeOptions,
  FieldError,
  GENESIS_HASH,
  NotFound,
  OrganisationOnRecord,
  validatePanel,
  validatePanelChoice,
  ValidationFailed,
} from '@app/domain';
import { EvaluationRoomEntity, PanelDrawEntity } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { AccountReads } from '../experts/account.reads';
import { ExpertRepository } from '../experts/expert.repository';
import { ChallengeReads } from './challenge.reads';
import { ReplaceJudgeDto } from './dto/panel-draw.dto';
import { ConveneRoomDto, ConveningCheckQuery, DeclarationsDto } from './dto/room.dto';
import { conflictLookback, recusalsOfJudge } from './judge-conflicts';
import { PanelDrawRepository } from './panel-draw.repository';
import { RoomBroadcaster } from './room-broadcaster';
import { CommandAck, RoomCommandRunner } from './room-command-runner';
import { BidToConvene, RoomBidsReads } from './room-bids.reads';
import { RoomPartsRepository } from './room-parts.repository';
import { RoomStore } from './room-store';
import { buildSnapshot, declarationCheck, RoomSnapshot } from './room-views';
import { RoomRepository } from './room.repository';

/** The automatic recusals of these judges from these bids (as toConvene read them) at `at`, and the warnings left for the bureau (bids in the order given). */
async function conflictsAndWarnings(
  manager: EntityManager,
  judges: readonly { userId: string; affiliation: OrganisationOnRecord | null }[],
  bidIds: readonly string[],
  read: readonly BidToConvene[],
  lookback: ConflictLookback,
): Promise<{ recusals: AutomaticRecusalOf[]; warnings: ConveningWarning[] }> {
  const recusals = automaticRecusals(judges, await new RoomBidsReads(manager).conflictsOf(bidIds, read), lookback);
  const bids = new Map(read.map((b) => [b.id, b]));
  const forWarnings = bidIds.flatMap((id) => {
    const bid = bids.get(id);
    return bid ? [{ bidId: id, teamId: bid.teamId, teamName: bid.teamName, org: bid.org }] : [];
  });
  return { recusals, warnings: conveningWarnings(judges, forWarnings, recusals) };
}

/** The run draw of this challenge the panel comes from (a field error for another challenge's or none, 409 before it is run). */
async function drawToConvene(manager: EntityManager, drawId: string, challengeId: string): Promise<PanelDrawEntity & { panel: string[] }> {
  const draw = await new PanelDrawRepository(manager).find(drawId);
  if (!draw || draw.challengeId !== challengeId) throw ValidationFailed.field('drawId', 'is not a draw of this challenge');
  if (draw.panel === null) throw new Conflict('DRAW_NOT_RUN', 'This draw has not been run yet');
  return { ...draw, panel: draw.panel };
}

/** Convening a room (its panel, drawn or hand-picked, its bids, the automatic recusals), replacing a drawn judge, and the judges' declarations before the room opens. */
@Injectable()
export class RoomConveningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
    private readonly commands: RoomCommandRunner,
    private readonly broadcaster: RoomBroadcaster,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The room as the caller sees it now (their snapshot). */
  private async snapshot(manager: EntityManager, room: EvaluationRoomEntity, user: AuthUser, at: Date): Promise<RoomSnapshot> {
    const participant = await this.store.participant(manager, room, user);
    return buildSnapshot(await this.store.load(manager, room), assertParticipant(participant), user.id, at);
  }

  async convene(user: AuthUser, dto: ConveneRoomDto): Promise<RoomSnapshot & { conveningWarnings: ConveningWarning[] }> {
    const selection = validatePanelChoice(dto);
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
        const draw = dto.drawId === undefined ? null : await drawToConvene(manager, dto.drawId, dto.challengeId);
        const judgeIds = draw?.panel ?? dto.judgeIds ?? [];
        validatePanel(judgeIds, dto.chairUserId, chairRoles.includes('ADMIN'));
        const envelope = envelopeOptions(challenge.rubric, dto);

        const experts = await new ExpertRepository(manager).panelCandidates(judgeIds);
        const notJudges = judgeIds.filter((id) => !experts.some((e) => e.userId === id && e.judge));
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

        // Automatic recusal (回避): the same organisation as the team (by identity), or a member of it now or within the look-back
        // (judge by judge, bids in presentation order); near matches and unverified organisations are the bureau's to acknowledge.
        const at = await rooms.clock();
        const judges = judgeIds.map((judgeId) => ({ userId: judgeId, affiliation: experts.find((e) => e.userId === judgeId)?.affiliation ?? null }));
        const { recusals, warnings } = await conflictsAndWarnings(manager, judges, bidIds, bids, conflictLookback(this.config, at));
        assertWarningsAcknowledged(warnings, dto.warningsAcknowledged);

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
            drawId: draw?.id ?? null,
            handPickedReason: draw ? null : (dto.handPickedReason ?? null),
            createdBy: user.id,
          },
          judgeIds,
          dto.bids,
        );

        if (recusals.length > 0) await rooms.insertAutomaticRecusals(room.id, recusals, at);
        await rooms.append(
          room,
          user.id,
          'room.convened',
          {
            challengeId: dto.challengeId,
            chairUserId: dto.chairUserId,
            judgeIds,
            panelSelection: selection,
            ...(draw
              ? { draw: { id: draw.id, seedHash: draw.seedHash, seed: draw.seed, poolHash: draw.poolHash, panel: draw.panel, drawnAlternates: draw.drawnAlternates } }
              : { handPickedReason: dto.handPickedReason }),
            bids: dto.bids.map((slot, i) => ({ bidId: slot.bidId, position: i + 1, presentationMinutes: slot.presentationMinutes, qaMinutes: slot.qaMinutes })),
            aggregation: room.aggregation,
            objectionWindowMinutes: room.objectionWindowMinutes,
            rubric: room.rubric,
            passMark: room.passMark,
            winners: room.winners,
            ...envelope,
            automaticRecusals: recusals,
            ...(warnings.length > 0 ? { warnings, ...(dto.warningsAcknowledged ? { warningsAcknowledged: dto.warningsAcknowledged } : {}) } : {}),
          },
          at,
        );
        await rooms.save(room);
        await publishEvent(manager, 'evaluation.started', { roomId: room.id, challengeId: dto.challengeId });
        return { ...(await this.snapshot(manager, room, user, at)), conveningWarnings: warnings };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict('ROOM_EXISTS', 'This challenge already has an evaluation room');
      }
      throw error;
    }
  }

  /** What convening this challenge's shortlist with these judges would warn the bureau of, at the database clock now. */
  async conveningCheck(query: ConveningCheckQuery): Promise<{ warnings: ConveningWarning[]; acknowledgementRequired: boolean }> {
    const manager = connectionManager(this.dataSource);
    const rooms = new RoomRepository(manager);
    if (!(await new ChallengeReads(manager).toConvene(query.challengeId))) throw new NotFound('Challenge');
    const judgeIds = [...new Set(query.judgeIds ?? [])];
    const experts = await new ExpertRepository(manager).panelCandidates(judgeIds);
    const judges = judgeIds.map((judgeId) => ({ userId: judgeId, affiliation: experts.find((e) => e.userId === judgeId)?.affiliation ?? null }));
    const bidReads = new RoomBidsReads(manager);
    const bidIds = await bidReads.shortlistedIds(query.challengeId);
    const { warnings } = await conflictsAndWarnings(manager, judges, bidIds, await bidReads.toConvene(bidIds), conflictLookback(this.config, await rooms.clock()));
    return { warnings, acknowledgementRequired: acknowledgementRequired(warnings) };
  }

  /**
   * A drawn judge who declines or becomes conflicted leaves the panel while the room is convened:
   * the next alternate of the draw not yet used (on the panel now or replaced before) takes the
   * seat, with their automatic recusals; the judge's declarations go. The chair is not replaced.
   */
  async replaceJudge(user: AuthUser, roomId: string, judgeId: string, dto: ReplaceJudgeDto): Promise<RoomSnapshot> {
    const snapshot = await this.dataSource.transaction(async (manager) => {
      const rooms = new RoomRepository(manager);
      const room = await rooms.lock(roomId);
      assertNotFinalized(room.status);
      if (room.status !== 'CONVENED') throw new Conflict('ROOM_NOT_CONVENED', 'A judge is replaced before the room opens');
      if (room.drawId === null) throw new Conflict('PANEL_NOT_DRAWN', 'This room’s panel was hand-picked: it has no alternates');
      const panel = await new RoomPartsRepository(manager).panel(room.id);
      const seat = panel.find((p) => p.userId === judgeId);
      if (!seat) throw new NotFound('Panel judge');
      if (room.chairUserId === judgeId) throw new Conflict('CHAIR_NOT_REPLACEABLE', 'The chair is not replaced from the alternates');
      const draw = await new PanelDrawRepository(manager).get(room.drawId);
      const used = new Set([...panel.map((p) => p.userId), ...(await rooms.replacedJudges(room.id))]);
      const alternateId = (draw.drawnAlternates ?? []).find((id) => !used.has(id));
      if (alternateId === undefined) throw new Conflict('ALTERNATES_EXHAUSTED', 'Every alternate of the draw has been used');

      const at = await rooms.clock();
      await rooms.replaceJudge(room.id, judgeId, alternateId, dto.reason, user.id, at);
      const slots = await new RoomBidsReads(manager).slots(room.id);
      const recusals = await recusalsOfJudge(
        manager,
        alternateId,
        slots.map((s) => s.bidId),
        conflictLookback(this.config, at),
      );
      if (recusals.length > 0) await rooms.insertAutomaticRecusals(room.id, recusals, at);
      await rooms.append(
        room,
        user.id,
        'panel.replaced',
        { judgeId, alternateId, position: seat.position, reason: dto.reason, drawId: draw.id, automaticRecusals: recusals },
        at,
      );
      await rooms.save(room);
      return this.snapshot(manager, room, user, at);
    });
    this.broadcaster.leave(roomId, judgeId);
    return snapshot;
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
