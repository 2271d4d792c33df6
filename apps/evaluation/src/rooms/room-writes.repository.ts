import { EvaluationRoomEntity, publishEvent, RoomBidEntity, RoomObjectionEntity } from '@app/database';
import { DomainEvents, DomainEventType } from '@app/domain';
import { EntityManager } from 'typeorm';

/** The room's tables a command may write besides the room row (RoomWritesRepository records them; see RoomStore.refresh). */
export type RoomPart = 'bids' | 'declarations' | 'scores' | 'objections';

type BidChanges = Partial<Pick<RoomBidEntity, 'state' | 'presentedAt' | 'lockedAt'>>;

/**
 * A command's only way to write the room's tables (besides the room row, which the runner saves).
 * Each write records the part of the room it touched, and the runner reads exactly those parts
 * again before it builds the views: a command cannot forget to say what it wrote.
 */
export class RoomWritesRepository {
  private readonly parts = new Set<RoomPart>();

  constructor(
    private readonly db: EntityManager,
    private readonly room: EvaluationRoomEntity,
    private readonly at: Date,
  ) {}

  /** The parts written so far, in the order first written. */
  get written(): RoomPart[] {
    return [...this.parts];
  }

  async bid(bidId: string, changes: BidChanges): Promise<void> {
    this.parts.add('bids');
    await this.db.update(RoomBidEntity, { roomId: this.room.id, bidId }, changes);
  }

  /** A judge's own declaration on a bid, made or made again. */
  async declaration(judgeId: string, bidId: string, conflict: boolean, reason: string | null): Promise<void> {
    this.parts.add('declarations');
    await this.db.query(
      `INSERT INTO room_declaration (room_id, judge_id, bid_id, conflict, automatic, reason, declared_at)
       VALUES ($1, $2, $3, $4, false, $5, $6)
       ON CONFLICT (room_id, judge_id, bid_id) DO UPDATE SET conflict = EXCLUDED.conflict, reason = EXCLUDED.reason, declared_at = EXCLUDED.declared_at`,
      [this.room.id, judgeId, bidId, conflict, reason, this.at],
    );
  }

  /** A recusal the room finds due after convening (conflicts.ts): it replaces whatever the judge declared on the bid. */
  async automaticRecusal(judgeId: string, bidId: string, reason: string): Promise<void> {
    this.parts.add('declarations');
    await this.db.query(
      `INSERT INTO room_declaration (room_id, judge_id, bid_id, conflict, automatic, reason, declared_at)
       VALUES ($1, $2, $3, true, true, $4, $5)
       ON CONFLICT (room_id, judge_id, bid_id) DO UPDATE SET conflict = true, automatic = true, reason = EXCLUDED.reason, declared_at = EXCLUDED.declared_at`,
      [this.room.id, judgeId, bidId, reason, this.at],
    );
  }

  /** A judge's scores of a bid, given or revised (a withdrawn score stands again). */
  async score(bidId: string, judgeId: string, scores: Record<string, number>, totalCenti: number, comment: string | null): Promise<void> {
    this.parts.add('scores');
    await this.db.query(
      `INSERT INTO room_score (room_id, bid_id, judge_id, scores, total_centi, comment, updated_at, withdrawn_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
       ON CONFLICT (room_id, bid_id, judge_id) DO UPDATE
         SET scores = EXCLUDED.scores, total_centi = EXCLUDED.total_centi, comment = EXCLUDED.comment,
             updated_at = EXCLUDED.updated_at, withdrawn_at = NULL`,
      [this.room.id, bidId, judgeId, JSON.stringify(scores), totalCenti, comment, this.at],
    );
  }

  /** Standing scores given new values (the price criterion applied at the opening of the prices); who scored and when stays. */
  async rescore(sheets: readonly { bidId: string; judgeId: string; scores: Record<string, number>; total: number }[]): Promise<void> {
    this.parts.add('scores');
    await this.db.query(
      `UPDATE room_score s SET scores = v.scores, total_centi = v.total
         FROM jsonb_to_recordset($2::jsonb) AS v(bid_id uuid, judge_id uuid, scores jsonb, total integer)
        WHERE s.room_id = $1 AND s.bid_id = v.bid_id AND s.judge_id = v.judge_id AND s.withdrawn_at IS NULL`,
      [this.room.id, JSON.stringify(sheets.map((s) => ({ bid_id: s.bidId, judge_id: s.judgeId, scores: s.scores, total: s.total })))],
    );
  }

  async withdrawScore(bidId: string, judgeId: string): Promise<void> {
    this.parts.add('scores');
    await this.db.query('UPDATE room_score SET withdrawn_at = $4 WHERE room_id = $1 AND bid_id = $2 AND judge_id = $3', [
      this.room.id,
      bidId,
      judgeId,
      this.at,
    ]);
  }

  /** Files an objection; answers its id. */
  async objection(bidId: string, filedBy: string, text: string): Promise<string> {
    this.parts.add('objections');
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO room_objection (room_id, bid_id, filed_by, text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [this.room.id, bidId, filedBy, text, this.at],
    );
    return id;
  }

  async answer(objectionId: string, answer: string, answeredBy: string): Promise<void> {
    this.parts.add('objections');
    await this.db.update(RoomObjectionEntity, { id: objectionId, roomId: this.room.id }, { answer, answeredBy, answeredAt: this.at });
  }

  /** A domain event for the other services, in the command's transaction (it changes none of the room's views). */
  async publish<T extends DomainEventType>(type: T, payload: DomainEvents[T]): Promise<void> {
    await publishEvent(this.db, type, payload);
  }
}
