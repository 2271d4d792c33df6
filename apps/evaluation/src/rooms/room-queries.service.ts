import { Injectable } from '@nestjs/common';
import { ActorService, AuthUser, isAdmin } from '@app/auth';
import { assertParticipant, canReadBidContent, canReadDeclarations, Forbidden, RoomAudience, RoomParticipant, seesPanelIdentities } from '@app/domain';
import { connectionManager } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { ListRoomsQuery } from './dto/room.dto';
import { RoomBidContentView, DeclarationView, ObjectionView, RoomSummaryView } from './dto/room.view';
import { RoomState } from './room-state';
import { RoomBidsReads } from './room-bids.reads';
import { RoomStore } from './room-store';
import { buildSnapshot, isRecused, RoomSnapshot, visiblePrice } from './room-views';
import { RoomRepository } from './room.repository';

/** Reads of a room, each for what the caller may see; consistent at one version (REPEATABLE READ). */
@Injectable()
export class RoomQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoomStore,
    private readonly actors: ActorService,
  ) {}

  private read<T>(run: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', run);
  }

  /** Authorises the caller and says which audience they belong to (for joining its socket.io room). */
  audience(user: AuthUser, roomId: string): Promise<RoomAudience> {
    return this.read(async (manager) => {
      const room = await new RoomRepository(manager).find(roomId);
      return assertParticipant(await this.store.participant(manager, room, user));
    });
  }

  /** The full state of the room for the caller's audience, at the room's current version. */
  snapshot(user: AuthUser, roomId: string): Promise<RoomSnapshot> {
    return this.read(async (manager) => {
      const { state, audience } = await this.load(manager, user, roomId);
      return buildSnapshot(state, audience, user.id, await new RoomRepository(manager).clock());
    });
  }

  /** Rooms the caller takes part in (admins: every room), newest first; observers learn the chair once the room is finalised. */
  async list(user: AuthUser, query: ListRoomsQuery): Promise<RoomSummaryView[]> {
    const actor = await this.actors.load(user);
    const rows = await new RoomRepository(connectionManager(this.dataSource)).summaries(
      user.id,
      actor.enterpriseOrgIds,
      query.challengeId ?? null,
      query.status ?? null,
    );
    return rows.flatMap((row) => {
      const participant: RoomParticipant = {
        userId: user.id,
        isAdmin: isAdmin(actor),
        isChair: row.chairUserId === user.id,
        isPanelJudge: row.panel,
        actsForOwner: row.owner,
        // Only whether there is one matters for the audience.
        teamBidIds: row.team ? ['(team bid)'] : [],
      };
      let audience: RoomAudience;
      try {
        audience = assertParticipant(participant);
      } catch {
        return [];
      }
      return [
        {
          id: row.id,
          challengeId: row.challengeId,
          challengeTitle: row.challengeTitle,
          status: row.status,
          version: row.version,
          chairUserId: seesPanelIdentities(audience, row.status) ? row.chairUserId : null,
          audience,
          createdAt: row.createdAt.toISOString(),
        },
      ];
    });
  }

  /** Every declaration for the chair and admins; a judge sees their own. */
  declarations(user: AuthUser, roomId: string): Promise<DeclarationView[]> {
    return this.read(async (manager) => {
      const { state, participant } = await this.load(manager, user, roomId);
      const all = canReadDeclarations(participant);
      if (!all && !participant.isPanelJudge) {
        throw new Forbidden('DECLARATIONS_RESTRICTED', 'Declarations are for the chair, the admins and each judge’s own');
      }
      const order = new Map(state.panel.map((p) => [p.userId, p.position]));
      const bidOrder = new Map(state.bids.map((b) => [b.bidId, b.position]));
      return state.declarations
        .filter((d) => all || d.judgeId === user.id)
        .sort((a, b) => (order.get(a.judgeId) ?? 0) - (order.get(b.judgeId) ?? 0) || (bidOrder.get(a.bidId) ?? 0) - (bidOrder.get(b.bidId) ?? 0))
        .map((d) => ({ ...d, declaredAt: d.declaredAt.toISOString() }));
    });
  }

  /**
   * A bid's full content for its non-recused judges, the chair, the admins and the owner enterprise;
   * `quotedPriceFen` is null while a two-envelope room's prices are sealed.
   */
  bidContent(user: AuthUser, roomId: string, bidId: string): Promise<RoomBidContentView> {
    return this.read(async (manager) => {
      const { state, participant } = await this.load(manager, user, roomId);
      const slot = state.bids.find((b) => b.bidId === bidId);
      if (!slot) throw new Forbidden('NOT_A_ROOM_BID', 'This bid is not evaluated in this room');
      const recused = isRecused(state, user.id, bidId);
      if (!canReadBidContent(participant, recused)) {
        throw recused
          ? new Forbidden('JUDGE_RECUSED', 'You are recused from this bid and do not see it')
          : new Forbidden('BID_CONTENT_RESTRICTED', 'Bid content is for the panel, the chair, the admins and the owner');
      }
      const bid = await new RoomBidsReads(manager).content(bidId);
      return {
        bidId,
        teamId: slot.teamId,
        teamName: slot.teamName,
        ...bid,
        quotedPriceFen: visiblePrice(state, bid.quotedPriceFen),
        receivedAt: bid.receivedAt.toISOString(),
      };
    });
  }

  /** All objections for the chair, admins, panel and owner; a bidding team sees those on its own bids. */
  objections(user: AuthUser, roomId: string): Promise<ObjectionView[]> {
    return this.read(async (manager) => {
      const { state, participant } = await this.load(manager, user, roomId);
      const all = participant.isChair || participant.isAdmin || participant.isPanelJudge || participant.actsForOwner;
      return state.objections
        .filter((o) => all || participant.teamBidIds.includes(o.bidId))
        .map((o) => ({
          id: o.id,
          bidId: o.bidId,
          text: o.text,
          answer: o.answer,
          createdAt: o.createdAt.toISOString(),
          answeredAt: o.answeredAt?.toISOString() ?? null,
        }));
    });
  }

  private async load(manager: EntityManager, user: AuthUser, roomId: string): Promise<{ state: RoomState; participant: RoomParticipant; audience: RoomAudience }> {
    const room = await new RoomRepository(manager).find(roomId);
    const participant = await this.store.participant(manager, room, user);
    const audience = assertParticipant(participant);
    return { state: await this.store.load(manager, room), participant, audience };
  }
}
