import {
  EvaluationRoomEntity,
  RoomAuditEntity,
  RoomBidEntity,
  RoomDeclarationEntity,
  RoomOperationEntity,
  RoomOperationResult,
  RoomPanelMemberEntity,
  RoomPanelReplacementEntity,
} from '@app/database';
import { AuditEntry, NotFound, RoomStatus, sealEntry } from '@app/domain';
import { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new room's row as convening sets it (everything else starts empty). */
export type ConvenedRoom = Pick<
  EvaluationRoomEntity,
  | 'challengeId'
  | 'chairUserId'
  | 'aggregation'
  | 'objectionWindowMinutes'
  | 'rubric'
  | 'passMark'
  | 'winners'
  | 'envelopes'
  | 'priceCriterionKey'
  | 'priceScoring'
  | 'chainHead'
  | 'drawId'
  | 'handPickedReason'
  | 'createdBy'
>;

export interface RoomSlot {
  bidId: string;
  presentationMinutes: number;
  qaMinutes: number;
}

export interface AutomaticRecusal {
  judgeId: string;
  bidId: string;
  reason: string;
}

/** A room in a caller's list, with what decides whether and how they take part in it. */
export interface RoomSummaryRow {
  id: string;
  challengeId: string;
  challengeTitle: string;
  status: RoomStatus;
  version: number;
  chairUserId: string;
  createdAt: Date;
  panel: boolean;
  team: boolean;
  owner: boolean;
}

/** The room's row and record, what convening inserts, and the operations run in it (the parts the views read: RoomPartsRepository). */
export class RoomRepository {
  constructor(private readonly db: EntityManager) {}

  /** Takes the room's row lock for the rest of the transaction: commands on a room run one at a time. */
  async lock(roomId: string): Promise<EvaluationRoomEntity> {
    const room = UUID.test(roomId) ? await this.db.findOne(EvaluationRoomEntity, { where: { id: roomId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!room) throw new NotFound('Room');
    return room;
  }

  async find(roomId: string): Promise<EvaluationRoomEntity> {
    const room = UUID.test(roomId) ? await this.db.findOneBy(EvaluationRoomEntity, { id: roomId }) : null;
    if (!room) throw new NotFound('Room');
    return room;
  }

  /** The database's clock now (clock_timestamp, not the transaction start: taken after the lock, it keeps the record in order). */
  async clock(): Promise<Date> {
    const [{ at }]: { at: Date }[] = await this.db.query('SELECT clock_timestamp() AS at');
    return at;
  }

  /** The current version of each of these rooms (the heartbeat's one read, whatever the number of rooms). */
  async versions(roomIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { id: string; version: number }[] = await this.db.query('SELECT id, version FROM evaluation_room WHERE id = ANY($1::uuid[])', [
      roomIds.filter((id) => UUID.test(id)),
    ]);
    return new Map(rows.map((row) => [row.id, row.version]));
  }

  async existsForChallenge(challengeId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM evaluation_room WHERE challenge_id = $1', [challengeId])).length > 0;
  }

  /** Inserts a convened room with its panel (in order) and its bids' slots (in order, all pending). */
  async convene(fields: ConvenedRoom, judgeIds: readonly string[], slots: readonly RoomSlot[]): Promise<EvaluationRoomEntity> {
    const room = this.db.create(EvaluationRoomEntity, {
      ...fields,
      status: 'CONVENED',
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
      pricesOpenedAt: null,
    });
    await this.db.insert(EvaluationRoomEntity, room);
    await this.db.insert(
      RoomPanelMemberEntity,
      judgeIds.map((userId, i) => ({ roomId: room.id, userId, position: i + 1 })),
    );
    await this.db.insert(
      RoomBidEntity,
      slots.map((slot, i) => ({
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
    return room;
  }

  async insertAutomaticRecusals(roomId: string, recusals: readonly AutomaticRecusal[], at: Date): Promise<void> {
    await this.db.insert(
      RoomDeclarationEntity,
      recusals.map((r) => ({ roomId, judgeId: r.judgeId, bidId: r.bidId, conflict: true, automatic: true, reason: r.reason, declaredAt: at })),
    );
  }

  /** The judges replaced so far in the room, in order. */
  async replacedJudges(roomId: string): Promise<string[]> {
    const rows = await this.db.find(RoomPanelReplacementEntity, { where: { roomId }, order: { seq: 'ASC' } });
    return rows.map((r) => r.judgeId);
  }

  /**
   * The alternate takes the judge's seat (same position); the judge's declarations go (the
   * record keeps them), and the replacement is kept. The room row must be locked.
   */
  async replaceJudge(roomId: string, judgeId: string, alternateId: string, reason: string, replacedBy: string, at: Date): Promise<void> {
    await this.db.update(RoomPanelMemberEntity, { roomId, userId: judgeId }, { userId: alternateId });
    await this.db.delete(RoomDeclarationEntity, { roomId, judgeId });
    const seq = (await this.db.countBy(RoomPanelReplacementEntity, { roomId })) + 1;
    await this.db.insert(RoomPanelReplacementEntity, { roomId, seq, judgeId, alternateId, reason, replacedBy, replacedAt: at });
  }

  /**
   * Appends the next entry of the room's record (seq = version + 1, linked to the chain head)
   * and moves the room's version and chain head to it. The room row must be locked.
   */
  async append(room: EvaluationRoomEntity, actorId: string | null, action: string, payload: Record<string, unknown>, at: Date): Promise<AuditEntry> {
    const entry = sealEntry(room.chainHead, { seq: room.version + 1, roomId: room.id, actorId, action, payload, at: at.toISOString() });
    await this.db.insert(RoomAuditEntity, {
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
  async save(room: EvaluationRoomEntity): Promise<void> {
    await this.db.update(
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
        pricesOpenedAt: room.pricesOpenedAt,
      },
    );
  }

  /** The record in order, as the chain functions expect it. */
  async auditEntries(roomId: string): Promise<AuditEntry[]> {
    const rows = await this.db.find(RoomAuditEntity, { where: { roomId }, order: { seq: 'ASC' } });
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

  /** The operation this user already ran under this id, if any (its result holds the acknowledgement). */
  async operation(roomId: string, userId: string, opId: string): Promise<RoomOperationResult | null> {
    return (await this.db.findOneBy(RoomOperationEntity, { roomId, userId, opId }))?.result ?? null;
  }

  async recordOperation(roomId: string, userId: string, opId: string, result: RoomOperationResult): Promise<void> {
    await this.db.query('INSERT INTO room_operation (room_id, user_id, op_id, result) VALUES ($1, $2, $3, $4)', [roomId, userId, opId, JSON.stringify(result)]);
  }

  /**
   * The rooms matching the filters, newest first, with whether the user is on the panel, in a
   * bidding team, or acts for the owner (the join reads challenge, bid and team_member of the other services).
   */
  async summaries(userId: string, ownerOrgIds: readonly string[], challengeId: string | null, status: string | null): Promise<RoomSummaryRow[]> {
    const rows: {
      id: string;
      challenge_id: string;
      title: string;
      status: RoomStatus;
      version: number;
      chair_user_id: string;
      created_at: Date;
      panel: boolean;
      team: boolean;
      owner: boolean;
    }[] = await this.db.query(
      `SELECT r.id, r.challenge_id, c.title, r.status, r.version, r.chair_user_id, r.created_at,
              EXISTS (SELECT 1 FROM room_panel_member p WHERE p.room_id = r.id AND p.user_id = $1) AS panel,
              EXISTS (SELECT 1 FROM room_bid rb JOIN bid b ON b.id = rb.bid_id
                        JOIN team_member tm ON tm.team_id = b.team_id AND tm.left_at IS NULL
                       WHERE rb.room_id = r.id AND tm.user_id = $1) AS team,
              c.org_id = ANY($2::uuid[]) AS owner
         FROM evaluation_room r JOIN challenge c ON c.id = r.challenge_id
        WHERE ($3::uuid IS NULL OR r.challenge_id = $3) AND ($4::text IS NULL OR r.status = $4)
        ORDER BY r.created_at DESC, r.id LIMIT 500`,
      [userId, ownerOrgIds, challengeId, status],
    );
    return rows.map((row) => ({
      id: row.id,
      challengeId: row.challenge_id,
      challengeTitle: row.title,
      status: row.status,
      version: row.version,
      chairUserId: row.chair_user_id,
      createdAt: row.created_at,
      panel: row.panel,
      team: row.team,
      owner: row.owner,
    }));
  }
}
