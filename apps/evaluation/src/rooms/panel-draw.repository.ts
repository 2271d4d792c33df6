import { PanelDrawEntity } from '@app/database';
import { NotFound } from '@app/domain';
import { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A draw's commitment as it is written before the draw is run. */
export type DrawCommitment = Pick<
  PanelDrawEntity,
  'challengeId' | 'size' | 'alternates' | 'fields' | 'capRooms' | 'capDays' | 'seed' | 'seedHash' | 'pool' | 'poolHash' | 'exclusions' | 'createdBy'
>;

/** The panel draws (panel_draw): written once committed, once run; and the rooms that count against the cap. */
export class PanelDrawRepository {
  constructor(private readonly db: EntityManager) {}

  async insert(commitment: DrawCommitment): Promise<PanelDrawEntity> {
    const draw = this.db.create(PanelDrawEntity, { ...commitment, status: 'COMMITTED', panel: null, drawnAlternates: null, ranBy: null, ranAt: null });
    await this.db.insert(PanelDrawEntity, draw);
    return this.get(draw.id);
  }

  /** The draw, or null; with `lock`, its row lock for the rest of the transaction. */
  async find(drawId: string, lock = false): Promise<PanelDrawEntity | null> {
    if (!UUID.test(drawId)) return null;
    return this.db.findOne(PanelDrawEntity, { where: { id: drawId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The draw (404 DRAW_NOT_FOUND). */
  async get(drawId: string, lock = false): Promise<PanelDrawEntity> {
    const draw = await this.find(drawId, lock);
    if (!draw) throw new NotFound('Draw');
    return draw;
  }

  /** The challenge's draw (one at most), or null. */
  async idForChallenge(challengeId: string): Promise<string | null> {
    return (await this.db.findOne(PanelDrawEntity, { where: { challengeId }, select: { id: true } }))?.id ?? null;
  }

  /** Writes the result of a committed draw (the trigger refuses any other change). */
  async run(draw: PanelDrawEntity, panel: string[], drawnAlternates: string[], ranBy: string): Promise<void> {
    const [{ ran_at }]: { ran_at: Date }[] = await this.db.query(
      `UPDATE panel_draw SET status = 'RUN', panel = $2, drawn_alternates = $3, ran_by = $4, ran_at = clock_timestamp() WHERE id = $1 RETURNING ran_at`,
      [draw.id, panel, drawnAlternates, ranBy],
    );
    Object.assign(draw, { status: 'RUN', panel, drawnAlternates, ranBy, ranAt: ran_at });
  }

  /**
   * How many rooms each expert sits in that count against the cap: rooms not finalised (whenever
   * convened) and rooms convened within the last `days` days (finalised or not), by the database clock.
   */
  async roomsInPeriod(days: number): Promise<Map<string, number>> {
    const rows: { user_id: string; rooms: number }[] = await this.db.query(
      `SELECT p.user_id, count(*)::int AS rooms FROM room_panel_member p JOIN evaluation_room r ON r.id = p.room_id
        WHERE r.finalized_at IS NULL OR r.created_at >= now() - make_interval(days => $1)
        GROUP BY p.user_id`,
      [days],
    );
    return new Map(rows.map((row) => [row.user_id, row.rooms]));
  }

  /** The room convened from this draw, if any. */
  async room(drawId: string): Promise<{ id: string; status: string } | null> {
    const [room]: { id: string; status: string }[] = await this.db.query('SELECT id, status FROM evaluation_room WHERE draw_id = $1', [drawId]);
    return room ?? null;
  }
}
