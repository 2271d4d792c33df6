import { EntityManager } from 'typeorm';
import { RoomDeclarationState, RoomObjectionState, RoomScoreState, RoomState } from './room-state';

/** The room's parts as its views read them: who takes part, the panel, the declarations, scores and objections. */
export class RoomPartsRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Whether the user sits on the panel, and the room's bids of teams they are a member of, in one
   * statement (it reads bidding's bid and team_member in the join).
   */
  async participation(roomId: string, userId: string): Promise<{ panel: boolean; teamBidIds: string[] }> {
    const [row]: { panel: boolean; team_bid_ids: string[] }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM room_panel_member WHERE room_id = $1 AND user_id = $2) AS panel,
              ARRAY(SELECT rb.bid_id FROM room_bid rb
                      JOIN bid b ON b.id = rb.bid_id
                      JOIN team_member tm ON tm.team_id = b.team_id AND tm.left_at IS NULL
                     WHERE rb.room_id = $1 AND tm.user_id = $2
                     ORDER BY rb.position) AS team_bid_ids`,
      [roomId, userId],
    );
    return { panel: row.panel, teamBidIds: row.team_bid_ids };
  }

  /** The panel in order, with the judges' names (the join reads auth's user_account). */
  async panel(roomId: string): Promise<RoomState['panel']> {
    const rows: { user_id: string; display_name: string; position: number }[] = await this.db.query(
      `SELECT p.user_id, u.display_name, p.position FROM room_panel_member p JOIN user_account u ON u.id = p.user_id
        WHERE p.room_id = $1 ORDER BY p.position`,
      [roomId],
    );
    return rows.map((p) => ({ userId: p.user_id, displayName: p.display_name, position: p.position }));
  }

  async declarations(roomId: string): Promise<RoomDeclarationState[]> {
    const rows: { judge_id: string; bid_id: string; conflict: boolean; automatic: boolean; reason: string | null; declared_at: Date }[] =
      await this.db.query('SELECT judge_id, bid_id, conflict, automatic, reason, declared_at FROM room_declaration WHERE room_id = $1', [roomId]);
    return rows.map((d) => ({
      judgeId: d.judge_id,
      bidId: d.bid_id,
      conflict: d.conflict,
      automatic: d.automatic,
      reason: d.reason,
      declaredAt: d.declared_at,
    }));
  }

  async scores(roomId: string): Promise<RoomScoreState[]> {
    const rows: {
      bid_id: string;
      judge_id: string;
      scores: Record<string, number>;
      total_centi: number;
      comment: string | null;
      updated_at: Date;
      withdrawn_at: Date | null;
    }[] = await this.db.query(
      `SELECT s.bid_id, s.judge_id, s.scores, s.total_centi, s.comment, s.updated_at, s.withdrawn_at
         FROM room_score s JOIN room_panel_member p ON p.room_id = s.room_id AND p.user_id = s.judge_id
        WHERE s.room_id = $1 ORDER BY p.position`,
      [roomId],
    );
    return rows.map((s) => ({
      bidId: s.bid_id,
      judgeId: s.judge_id,
      scores: s.scores,
      totalCenti: s.total_centi,
      comment: s.comment,
      updatedAt: s.updated_at,
      withdrawnAt: s.withdrawn_at,
    }));
  }

  async objections(roomId: string): Promise<RoomObjectionState[]> {
    const rows: {
      id: string;
      bid_id: string;
      filed_by: string;
      text: string;
      answer: string | null;
      answered_by: string | null;
      answered_at: Date | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT id, bid_id, filed_by, text, answer, answered_by, answered_at, created_at
         FROM room_objection WHERE room_id = $1 ORDER BY created_at, id`,
      [roomId],
    );
    return rows.map((o) => ({
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
}
