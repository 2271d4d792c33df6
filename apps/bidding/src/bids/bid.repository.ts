import { BidEntity, BidRevisionEntity } from '@app/database';
import { INSERT_BID, INSERT_REVISION, revisionValues, UPDATE_BID } from '@app/database/statements/bids';
import { BidContent, BidStatus } from '@app/domain';
import { EntityManager, In } from 'typeorm';

/** A bid as its lists show it, with its challenge's title and its team's name. */
export interface BidSummary {
  id: string;
  challengeId: string;
  challengeTitle: string;
  teamId: string;
  teamName: string;
  status: BidStatus;
  technicalApproach: string;
  quotedPriceFen: number;
  durationDays: number;
  revision: number;
  receivedAt: Date;
  contentHash: string;
  updatedAt: Date;
}

/** A bid's latest receipt: the revision and the hash of its content. */
export interface BidReceipt {
  bidId: string;
  revision: number;
  contentHash: string;
}

/** One of the caller's own teams' bids on a challenge. */
export interface OwnBid {
  bidId: string;
  teamId: string;
  status: BidStatus;
}

/** What one revision writes: the bid's new terms, their hashed content, and who pledged when. */
export interface RevisionWrite {
  /** The bid this revision continues, or null for a first revision. */
  previousId: string | null;
  challengeId: string;
  teamId: string;
  status: BidStatus;
  content: BidContent;
  contentHash: string;
  submittedBy: string;
  receivedAt: Date;
}

interface SummaryRow {
  id: string;
  challenge_id: string;
  challenge_title: string;
  team_id: string;
  team_name: string;
  status: BidStatus;
  technical_approach: string;
  quoted_price_fen: number;
  duration_days: number;
  revision: number;
  received_at: Date;
  content_hash: string;
  updated_at: Date;
}

// The lists read the challenge's title and the team's name in the same statement (a join, no write).
const SUMMARY_COLUMNS = `b.id, b.challenge_id, c.title AS challenge_title, b.team_id, t.name AS team_name, b.status,
  b.technical_approach, b.quoted_price_fen, b.duration_days, b.revision, b.received_at, b.content_hash, b.updated_at`;

const SUMMARY_FROM = 'FROM bid b JOIN challenge c ON c.id = b.challenge_id JOIN team t ON t.id = b.team_id';

const toSummary = (r: SummaryRow): BidSummary => ({
  id: r.id,
  challengeId: r.challenge_id,
  challengeTitle: r.challenge_title,
  teamId: r.team_id,
  teamName: r.team_name,
  status: r.status,
  technicalApproach: r.technical_approach,
  quotedPriceFen: r.quoted_price_fen,
  durationDays: r.duration_days,
  revision: r.revision,
  receivedAt: r.received_at,
  contentHash: r.content_hash,
  updatedAt: r.updated_at,
});

/** The bid and bid_revision tables. */
export class BidRepository {
  constructor(private readonly db: EntityManager) {}

  byId(bidId: string): Promise<BidEntity | null> {
    return this.db.findOneBy(BidEntity, { id: bidId });
  }

  /** The bid as it is now (after a write of the caller's transaction). */
  reread(bidId: string): Promise<BidEntity> {
    return this.db.findOneByOrFail(BidEntity, { id: bidId });
  }

  /** The bid, locked FOR UPDATE until the transaction ends. */
  lockForChange(bidId: string): Promise<BidEntity> {
    return this.db.findOneOrFail(BidEntity, { where: { id: bidId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether the team has a bid on the challenge that is not withdrawn. */
  async hasActive(challengeId: string, teamId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM bid WHERE challenge_id = $1 AND team_id = $2 AND status <> 'WITHDRAWN'`, [
      challengeId,
      teamId,
    ]);
    return rows.length > 0;
  }

  /** The team's most recently withdrawn bid on the challenge, locked FOR UPDATE, or null. */
  async lockLatestWithdrawn(challengeId: string, teamId: string): Promise<BidEntity | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM bid WHERE challenge_id = $1 AND team_id = $2 AND status = 'WITHDRAWN'
        ORDER BY updated_at DESC LIMIT 1 FOR UPDATE`,
      [challengeId, teamId],
    );
    return rows.length > 0 ? this.reread(rows[0].id) : null;
  }

  /**
   * Writes a revision: the bid row takes the new terms (a new bid for a first revision) and a
   * bid_revision row keeps exactly the hashed content. Plain statements on the hot path (a bid is
   * written in a burst at the deadline): RETURNING hands the row back, so there is no re-read
   * (docs/performance.md, P1).
   */
  async writeRevision(write: RevisionWrite): Promise<BidEntity> {
    const values = revisionValues(write);
    // TypeORM answers an UPDATE with [rows, count] and an INSERT with its rows.
    const [bid]: BidEntity[] = write.previousId
      ? (await this.db.query<[BidEntity[], number]>(UPDATE_BID, [write.previousId, ...values]))[0]
      : await this.db.query(INSERT_BID, [write.challengeId, write.teamId, ...values]);
    await this.db.query(INSERT_REVISION, [
      bid.id,
      write.content.revision,
      JSON.stringify(write.content),
      write.contentHash,
      write.submittedBy,
      write.receivedAt,
    ]);
    return bid;
  }

  async setStatus(bidId: string, status: BidStatus): Promise<void> {
    await this.db.update(BidEntity, { id: bidId }, { status });
  }

  /** The 形式审查 decision: the new status, the reason, who decided and when. */
  async recordShortlist(bidId: string, decision: { status: BidStatus; reason: string | null; by: string; at: Date }): Promise<void> {
    await this.db.update(
      BidEntity,
      { id: bidId },
      { status: decision.status, shortlistReason: decision.reason, shortlistedBy: decision.by, shortlistedAt: decision.at },
    );
  }

  /** Every revision of the bid, the first one first. */
  revisions(bidId: string): Promise<BidRevisionEntity[]> {
    return this.db.find(BidRevisionEntity, { where: { bidId }, order: { revision: 'ASC' } });
  }

  /** The bids of the teams the user is a current member of (on one challenge, if given), most recently changed first. */
  async ofMember(userId: string, challengeId: string | null): Promise<BidSummary[]> {
    const rows: SummaryRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}
        WHERE EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = b.team_id AND m.user_id = $1 AND m.left_at IS NULL)
          AND ($2::uuid IS NULL OR b.challenge_id = $2)
        ORDER BY b.updated_at DESC, b.id LIMIT 500`,
      [userId, challengeId],
    );
    return rows.map(toSummary);
  }

  /** The challenge's bids that are not withdrawn, in the order they were received. */
  async activeOnChallenge(challengeId: string): Promise<BidSummary[]> {
    const rows: SummaryRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}
        WHERE b.challenge_id = $1 AND b.status <> 'WITHDRAWN'
        ORDER BY b.received_at, b.id`,
      [challengeId],
    );
    return rows.map(toSummary);
  }

  /** How many of the challenge's bids are not withdrawn. */
  async countActive(challengeId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM bid WHERE challenge_id = $1 AND status <> 'WITHDRAWN'`,
      [challengeId],
    );
    return count;
  }

  /** The bids on the challenge of the teams the user is a current member of, oldest first. */
  async ownOnChallenge(challengeId: string, userId: string): Promise<OwnBid[]> {
    const rows: { id: string; team_id: string; status: BidStatus }[] = await this.db.query(
      `SELECT b.id, b.team_id, b.status FROM bid b
        WHERE b.challenge_id = $1
          AND EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = b.team_id AND m.user_id = $2 AND m.left_at IS NULL)
        ORDER BY b.created_at`,
      [challengeId, userId],
    );
    return rows.map((r) => ({ bidId: r.id, teamId: r.team_id, status: r.status }));
  }

  /** The receipts the bids not withdrawn hold in their rows. */
  async activeReceipts(challengeId: string): Promise<BidReceipt[]> {
    const rows: { id: string; revision: number; content_hash: string }[] = await this.db.query(
      `SELECT id, revision, content_hash FROM bid WHERE challenge_id = $1 AND status <> 'WITHDRAWN'`,
      [challengeId],
    );
    return rows.map((r) => ({ bidId: r.id, revision: r.revision, contentHash: r.content_hash }));
  }

  /** The final revision's receipt of every bid not withdrawn, sorted by bid id. */
  async finalReceipts(challengeId: string): Promise<BidReceipt[]> {
    const rows: { bid_id: string; revision: number; content_hash: string }[] = await this.db.query(
      `SELECT b.id AS bid_id, r.revision, r.content_hash
         FROM bid b JOIN bid_revision r ON r.bid_id = b.id AND r.revision = b.revision
        WHERE b.challenge_id = $1 AND b.status <> 'WITHDRAWN'
        ORDER BY b.id`,
      [challengeId],
    );
    return rows.map((r) => ({ bidId: r.bid_id, revision: r.revision, contentHash: r.content_hash }));
  }

  /** The challenge's open bids (neither withdrawn nor NOT_SHORTLISTED), locked FOR UPDATE in id order. */
  lockOpenOnChallenge(challengeId: string): Promise<BidEntity[]> {
    return this.db.find(BidEntity, {
      where: { challengeId, status: In([BidStatus.SUBMITTED, BidStatus.SHORTLISTED, BidStatus.AWARDED, BidStatus.NOT_AWARDED]) },
      lock: { mode: 'pessimistic_write' },
      order: { id: 'ASC' },
    });
  }
}
