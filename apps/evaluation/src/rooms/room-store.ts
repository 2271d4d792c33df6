import { Injectable } from '@nestjs/common';
import { ActorService, actsForOrg, AuthUser, isAdmin } from '@app/auth';
import { EvaluationRoomEntity, RoomAuditEntity } from '@app/database';
import { AuditEntry, BidSlotState, NotFound, RoomParticipant, sealEntry } from '@app/domain';
import { EntityManager } from 'typeorm';
import { RoomBidState, RoomDeclarationState, RoomObjectionState, RoomScoreState, RoomState } from './room-state';

/** The room's tables a command may write besides the room row (RoomWrites records them; see RoomStore.refresh). */
export type RoomPart = 'bids' | 'declarations' | 'scores' | 'objections';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The room's reads and writes that every use case shares: locking, loading, the clock, the record. */
@Injectable()
export class RoomStore {
  constructor(private readonly actors: ActorService) {}

  /** Takes the room's row lock for the rest of the transaction: commands on a room run one at a time. */
  async lock(manager: EntityManager, roomId: string): Promise<EvaluationRoomEntity> {
    const room = UUID.test(roomId)
      ? await manager.findOne(EvaluationRoomEntity, { where: { id: roomId }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!room) throw new NotFound('Room');
    return room;
  }

  async find(manager: EntityManager, roomId: string): Promise<EvaluationRoomEntity> {
    const room = UUID.test(roomId) ? await manager.findOneBy(EvaluationRoomEntity, { id: roomId }) : null;
    if (!room) throw new NotFound('Room');
    return room;
  }

  /** The database's clock now (clock_timestamp, not the transaction start: taken after the lock, it keeps the record in order). */
  async clock(manager: EntityManager): Promise<Date> {
    const [{ at }]: { at: Date }[] = await manager.query('SELECT clock_timestamp() AS at');
    return at;
  }

  /** The current version of each of these rooms (the heartbeat's one read, whatever the number of rooms). */
  async versions(manager: EntityManager, roomIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { id: string; version: string }[] = await manager.query('SELECT id, version FROM evaluation_room WHERE id = ANY($1::uuid[])', [
      roomIds.filter((id) => UUID.test(id)),
    ]);
    return new Map(rows.map((row) => [row.id, Number(row.version)]));
  }

  async challengeOrgId(manager: EntityManager, challengeId: string): Promise<string> {
    const rows: { org_id: string }[] = await manager.query('SELECT org_id FROM challenge WHERE id = $1', [challengeId]);
    return rows[0]?.org_id ?? '';
  }

  /** Who the user is in this room. */
  async participant(manager: EntityManager, room: EvaluationRoomEntity, user: AuthUser): Promise<RoomParticipant> {
    const [row]: { panel: boolean; team_bid_ids: string[] }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM room_panel_member WHERE room_id = $1 AND user_id = $2) AS panel,
              ARRAY(SELECT rb.bid_id FROM room_bid rb
                      JOIN bid b ON b.id = rb.bid_id
                      JOIN team_member tm ON tm.team_id = b.team_id AND tm.left_at IS NULL
                     WHERE rb.room_id = $1 AND tm.user_id = $2
                     ORDER BY rb.position) AS team_bid_ids`,
      [room.id, user.id],
    );
    const actor = await this.actors.load(user, manager);
    return {
      userId: user.id,
      isAdmin: isAdmin(actor),
      isChair: room.chairUserId === user.id,
      isPanelJudge: row.panel,
      actsForOwner: actsForOrg(actor, await this.challengeOrgId(manager, room.challengeId)),
      teamBidIds: row.team_bid_ids,
    };
  }

  /** Everything the views need, as of this transaction. */
  async load(manager: EntityManager, room: EvaluationRoomEntity): Promise<RoomState> {
    const [challenge]: { id: string; title: string; org_id: string }[] = await manager.query(
      'SELECT id, title, org_id FROM challenge WHERE id = $1',
      [room.challengeId],
    );
    const panel: { user_id: string; display_name: string; position: number }[] = await manager.query(
      `SELECT p.user_id, u.display_name, p.position FROM room_panel_member p JOIN user_account u ON u.id = p.user_id
        WHERE p.room_id = $1 ORDER BY p.position`,
      [room.id],
    );
    return {
      room,
      challenge: { id: challenge.id, title: challenge.title, orgId: challenge.org_id },
      panel: panel.map((p) => ({ userId: p.user_id, displayName: p.display_name, position: p.position })),
      bids: await this.bids(manager, room.id),
      declarations: await this.declarations(manager, room.id),
      scores: await this.scores(manager, room.id),
      objections: await this.objections(manager, room.id),
    };
  }

  /**
   * The state after a command from the state before it: the room row is the same object (changed
   * in memory and saved), the challenge and the panel never change in a room, and of its other
   * tables only those the command wrote (as RoomWrites recorded them) are read again.
   */
  async refresh(manager: EntityManager, before: RoomState, writes: readonly RoomPart[]): Promise<RoomState> {
    const after: RoomState = { ...before };
    const roomId = before.room.id;
    for (const part of writes) {
      switch (part) {
        case 'bids':
          after.bids = await this.bids(manager, roomId);
          break;
        case 'declarations':
          after.declarations = await this.declarations(manager, roomId);
          break;
        case 'scores':
          after.scores = await this.scores(manager, roomId);
          break;
        case 'objections':
          after.objections = await this.objections(manager, roomId);
          break;
      }
    }
    return after;
  }

  private async bids(manager: EntityManager, roomId: string): Promise<RoomBidState[]> {
    const bids: {
      bid_id: string;
      position: number;
      presentation_minutes: number;
      qa_minutes: number;
      state: BidSlotState;
      presented_at: Date | null;
      locked_at: Date | null;
      team_id: string;
      team_name: string;
      team_org_id: string | null;
      quoted_price_fen: string;
      received_at: Date;
    }[] = await manager.query(
      `SELECT rb.bid_id, rb.position, rb.presentation_minutes, rb.qa_minutes, rb.state, rb.presented_at, rb.locked_at,
              b.team_id, t.name AS team_name, t.org_id AS team_org_id, b.quoted_price_fen, b.received_at
         FROM room_bid rb JOIN bid b ON b.id = rb.bid_id JOIN team t ON t.id = b.team_id
        WHERE rb.room_id = $1 ORDER BY rb.position`,
      [roomId],
    );
    return bids.map((b) => ({
      bidId: b.bid_id,
      position: b.position,
      presentationMinutes: b.presentation_minutes,
      qaMinutes: b.qa_minutes,
      state: b.state,
      presentedAt: b.presented_at,
      lockedAt: b.locked_at,
      teamId: b.team_id,
      teamName: b.team_name,
      teamOrgId: b.team_org_id,
      quotedPriceFen: Number(b.quoted_price_fen),
      receivedAt: b.received_at,
    }));
  }

  private async declarations(manager: EntityManager, roomId: string): Promise<RoomDeclarationState[]> {
    const declarations: {
      judge_id: string;
      bid_id: string;
      conflict: boolean;
      automatic: boolean;
      reason: string | null;
      declared_at: Date;
    }[] = await manager.query(
      'SELECT judge_id, bid_id, conflict, automatic, reason, declared_at FROM room_declaration WHERE room_id = $1',
      [roomId],
    );
    return declarations.map((d) => ({
      judgeId: d.judge_id,
      bidId: d.bid_id,
      conflict: d.conflict,
      automatic: d.automatic,
      reason: d.reason,
      declaredAt: d.declared_at,
    }));
  }

  private async scores(manager: EntityManager, roomId: string): Promise<RoomScoreState[]> {
    const scores: {
      bid_id: string;
      judge_id: string;
      scores: Record<string, number>;
      total_centi: number;
      comment: string | null;
      updated_at: Date;
      withdrawn_at: Date | null;
    }[] = await manager.query(
      `SELECT s.bid_id, s.judge_id, s.scores, s.total_centi, s.comment, s.updated_at, s.withdrawn_at
         FROM room_score s JOIN room_panel_member p ON p.room_id = s.room_id AND p.user_id = s.judge_id
        WHERE s.room_id = $1 ORDER BY p.position`,
      [roomId],
    );
    return scores.map((s) => ({
      bidId: s.bid_id,
      judgeId: s.judge_id,
      scores: s.scores,
      totalCenti: s.total_centi,
      comment: s.comment,
      updatedAt: s.updated_at,
      withdrawnAt: s.withdrawn_at,
    }));
  }

  private async objections(manager: EntityManager, roomId: string): Promise<RoomObjectionState[]> {
    const objections: {
      id: string;
      bid_id: string;
      filed_by: string;
      text: string;
      answer: string | null;
      answered_by: string | null;
      answered_at: Date | null;
      created_at: Date;
    }[] = await manager.query(
      `SELECT id, bid_id, filed_by, text, answer, answered_by, answered_at, created_at
         FROM room_objection WHERE room_id = $1 ORDER BY created_at, id`,
      [roomId],
    );
    return objections.map((o) => ({
      id: o.id,
      bidId: o.bid_id,
      filedBy: o.filed_by,
      text: o.text,
      answer: o.answer,
      answeredBy: o.answered_by,
      answeredAt: o.answered_at,
      createdAt: o.created_at,
    }));
  }

  /**
   * Appends the next entry of the room's record (seq = version + 1, linked to the chain head)
   * and moves the room's version and chain head to it. The room row must be locked.
   */
  async append(
    manager: EntityManager,
    room: EvaluationRoomEntity,
    actorId: string | null,
    action: string,
    payload: Record<string, unknown>,
    at: Date,
  ): Promise<AuditEntry> {
    const entry = sealEntry(room.chainHead, {
      seq: Number(room.version) + 1,
      roomId: room.id,
      actorId,
      action,
      payload,
      at: at.toISOString(),
    });
    await manager.insert(RoomAuditEntity, {
      roomId: room.id,
      seq: entry.seq,
      actorId,
      action,
      payload,
      at: new Date(entry.at),
      prevHash: entry.prevHash,
      hash: entry.hash,
    });
    room.version = entry.seq;
    room.chainHead = entry.hash;
    return entry;
  }

  /** Writes the room row's mutable state (after a command changed it in memory). */
  async saveRoom(manager: EntityManager, room: EvaluationRoomEntity): Promise<void> {
    await manager.update(
      EvaluationRoomEntity,
      { id: room.id },
      {
        status: room.status,
        version: room.version,
        chainHead: room.chainHead,
        currentBidId: room.currentBidId,
        timerBidId: room.timerBidId,
        timerPhase: room.timerPhase,
        timerDurationMs: room.timerDurationMs,
        timerRemainingMs: room.timerRemainingMs,
        timerStartedAt: room.timerStartedAt,
        openedAt: room.openedAt,
        revealedAt: room.revealedAt,
        objectionWindowEndsAt: room.objectionWindowEndsAt,
        finalizedAt: room.finalizedAt,
      },
    );
  }

  /** The record in order, as the chain functions expect it. */
  async auditEntries(manager: EntityManager, roomId: string): Promise<AuditEntry[]> {
    const rows = await manager.find(RoomAuditEntity, { where: { roomId }, order: { seq: 'ASC' } });
    return rows.map((r) => ({
      seq: r.seq,
      roomId: r.roomId,
      actorId: r.actorId,
      action: r.action,
      payload: r.payload,
      at: r.at.toISOString(),
      prevHash: r.prevHash,
      hash: r.hash,
    }));
  }
}
