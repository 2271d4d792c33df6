import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ActorService, actsForOrg, AuthUser, isAdmin } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { isUniqueViolation, PanelDrawEntity } from '@app/database';
import { Conflict, drawEligibility, drawPanel, NotFound, PANEL_SEED_BYTES, poolHash, seedHash, validateDrawSize } from '@app/domain';
import { DataSource } from 'typeorm';
import { ExpertRepository } from '../experts/expert.repository';
import { ChallengeReads } from './challenge.reads';
import { CreateDrawDto, DrawView } from './dto/panel-draw.dto';
import { PanelDrawRepository } from './panel-draw.repository';
import { RoomBidsReads } from './room-bids.reads';
import { RoomRepository } from './room.repository';
import { conflictLookback } from './judge-conflicts';

/**
 * The draw as a party reads it: everything for an admin; for the challenge's owner and the
 * shortlisted teams the commitment only (sizes, fields, cap, seed and pool hashes) until the room
 * convened from the draw is finalised (as the panel's names are), then everything.
 */
function drawView(draw: PanelDrawEntity, room: { id: string } | null, full: boolean): DrawView {
  return {
    id: draw.id,
    challengeId: draw.challengeId,
    status: draw.status,
    size: draw.size,
    alternates: draw.alternates,
    fields: draw.fields,
    capRooms: draw.capRooms,
    capDays: draw.capDays,
    seedHash: draw.seedHash,
    poolHash: draw.poolHash,
    poolSize: draw.pool.length,
    pool: full ? draw.pool : null,
    exclusions: full ? draw.exclusions : null,
    seed: full && draw.status === 'RUN' ? draw.seed : null,
    panel: full ? draw.panel : null,
    drawnAlternates: full ? draw.drawnAlternates : null,
    committedAt: draw.createdAt.toISOString(),
    ranAt: draw.ranAt?.toISOString() ?? null,
    roomId: room?.id ?? null,
  };
}

/** A drawn panel (docs/integrity.md, "A drawn panel"): commit (pool and seed hash, seed kept), then run (the draw, the seed revealed). */
@Injectable()
export class PanelDrawService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Commits a draw: the eligible pool and its exclusions, the size, the alternates and the hash of a new seed. */
  async commit(user: AuthUser, dto: CreateDrawDto): Promise<DrawView> {
    validateDrawSize(dto.size);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const challenge = await new ChallengeReads(manager).toConvene(dto.challengeId);
        if (!challenge) throw new NotFound('Challenge');
        if (!challenge.closed) {
          throw new Conflict('CHALLENGE_NOT_CLOSED', `Bidding on this challenge has not closed (it is ${challenge.status})`);
        }
        if (await new RoomRepository(manager).existsForChallenge(dto.challengeId)) {
          throw new Conflict('ROOM_EXISTS', 'This challenge already has an evaluation room');
        }
        const draws = new PanelDrawRepository(manager);
        const existing = await draws.idForChallenge(dto.challengeId);
        // Its id, so the bureau's page finds the draw again (after a reload, on another PC).
        if (existing) throw new Conflict('DRAW_EXISTS', 'This challenge already has a panel draw', { drawId: existing });
        const bidReads = new RoomBidsReads(manager);
        const bids = await bidReads.forConflicts(await bidReads.shortlistedIds(dto.challengeId));
        const cap = this.config.panelCap;
        const rooms = await draws.roomsInPeriod(cap.days);
        const candidates = (await new ExpertRepository(manager).drawCandidates()).map((e) => ({ ...e, roomsInPeriod: rooms.get(e.userId) ?? 0 }));
        const lookback = conflictLookback(this.config, await new RoomRepository(manager).clock());
        const { pool, exclusions } = drawEligibility(candidates, dto.fields, bids, cap.rooms, lookback);
        const needed = dto.size + dto.alternates;
        if (pool.length < needed) {
          throw new Conflict('POOL_TOO_SMALL', `${pool.length} eligible expert(s), ${needed} needed for the panel and its alternates`, {
            eligible: pool.length,
            needed,
          });
        }
        const seed = randomBytes(PANEL_SEED_BYTES).toString('hex');
        const draw = await draws.insert({
          challengeId: dto.challengeId,
          size: dto.size,
          alternates: dto.alternates,
          fields: dto.fields,
          capRooms: cap.rooms,
          capDays: cap.days,
          seed,
          seedHash: seedHash(seed),
          pool,
          poolHash: poolHash(pool),
          exclusions,
          createdBy: user.id,
        });
        return drawView(draw, null, true);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('DRAW_EXISTS', 'This challenge already has a panel draw');
      throw error;
    }
  }

  /** Runs a committed draw from its stored seed and reveals the seed. */
  run(user: AuthUser, drawId: string): Promise<DrawView> {
    return this.dataSource.transaction(async (manager) => {
      const draws = new PanelDrawRepository(manager);
      const draw = await draws.get(drawId, true);
      if (draw.status === 'RUN') throw new Conflict('DRAW_ALREADY_RUN', 'This draw has been run already');
      const result = drawPanel(draw.pool, draw.size, draw.alternates, draw.seed);
      await draws.run(draw, result.panel, result.alternates, user.id);
      return drawView(draw, await draws.room(draw.id), true);
    });
  }

  /** The draw for an admin, the challenge's owner or a shortlisted team (404 for anyone else). */
  view(user: AuthUser, drawId: string): Promise<DrawView> {
    return this.dataSource.transaction(async (manager) => {
      const draws = new PanelDrawRepository(manager);
      const draw = await draws.get(drawId);
      const room = await draws.room(draw.id);
      const actor = await this.actors.load(user, manager);
      if (isAdmin(actor)) return drawView(draw, room, true);
      const party =
        actsForOrg(actor, await new ChallengeReads(manager).orgId(draw.challengeId)) ||
        (await new RoomBidsReads(manager).inShortlistedTeam(draw.challengeId, user.id));
      if (!party) throw new NotFound('Draw');
      return drawView(draw, room, room?.status === 'FINALIZED');
    });
  }
}
