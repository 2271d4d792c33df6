import { Injectable } from '@nestjs/common';
import { ActorService, actsForOrg, AuthUser, isAdmin } from '@app/auth';
import { EvaluationRoomEntity } from '@app/database';
import { RoomParticipant } from '@app/domain';
import { EntityManager } from 'typeorm';
import { ChallengeReads } from './challenge.reads';
import { RoomBidsReads } from './room-bids.reads';
import { RoomPartsRepository } from './room-parts.repository';
import { RoomState } from './room-state';
import { RoomPart } from './room-writes.repository';

/** The room as every use case sees it: who the user is in it, and its state, on the manager given. */
@Injectable()
export class RoomStore {
  constructor(private readonly actors: ActorService) {}

  /** Who the user is in this room. */
  async participant(manager: EntityManager, room: EvaluationRoomEntity, user: AuthUser): Promise<RoomParticipant> {
    const { panel, teamBidIds } = await new RoomPartsRepository(manager).participation(room.id, user.id);
    const actor = await this.actors.load(user, manager);
    return {
      userId: user.id,
      isAdmin: isAdmin(actor),
      isChair: room.chairUserId === user.id,
      isPanelJudge: panel,
      actsForOwner: actsForOrg(actor, await new ChallengeReads(manager).orgId(room.challengeId)),
      teamBidIds,
    };
  }

  /** Everything the views need, as of this transaction. */
  async load(manager: EntityManager, room: EvaluationRoomEntity): Promise<RoomState> {
    const parts = new RoomPartsRepository(manager);
    return {
      room,
      challenge: await new ChallengeReads(manager).heading(room.challengeId),
      panel: await parts.panel(room.id),
      bids: await new RoomBidsReads(manager).slots(room.id),
      declarations: await parts.declarations(room.id),
      scores: await parts.scores(room.id),
      objections: await parts.objections(room.id),
    };
  }

  /**
   * The state after a command from the state before it: the room row is the same object (changed
   * in memory and saved), the challenge and the panel never change in a room, and of its other
   * tables only those the command wrote (as RoomWritesRepository recorded them) are read again.
   */
  async refresh(manager: EntityManager, before: RoomState, writes: readonly RoomPart[]): Promise<RoomState> {
    const parts = new RoomPartsRepository(manager);
    const after: RoomState = { ...before };
    const roomId = before.room.id;
    for (const part of writes) {
      switch (part) {
        case 'bids':
          after.bids = await new RoomBidsReads(manager).slots(roomId);
          break;
        case 'declarations':
          after.declarations = await parts.declarations(roomId);
          break;
        case 'scores':
          after.scores = await parts.scores(roomId);
          break;
        case 'objections':
          after.objections = await parts.objections(roomId);
          break;
      }
    }
    return after;
  }
}
