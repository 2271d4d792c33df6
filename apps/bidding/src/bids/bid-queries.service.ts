import { Injectable } from '@nestjs/common';
import { Actor, ActorService, AuthUser } from '@app/auth';
import { BidEntity, BidRevisionEntity, TeamEntity } from '@app/database';
import { bidsDigest, canOpenBids, canReadBid, Conflict, NotFound } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { currentMembers } from '../teams/team-members';
import { bidStatus, toBidView } from './bid.views';
import { ChallengeWindow, ownsOrAdministersChallenge, readChallengeWindow, visibleChallenge } from './challenge-window';
import {
  BidRevisionView,
  BidSummaryView,
  BidView,
  ChallengeBidsView,
  DigestView,
  ListMyBidsQuery,
  OwnBidRef,
} from './dto/bid.dto';

interface SummaryRow {
  id: string;
  challenge_id: string;
  challenge_title: string;
  team_id: string;
  team_name: string;
  status: string;
  technical_approach: string;
  quoted_price_fen: string;
  duration_days: number;
  revision: number;
  received_at: Date;
  content_hash: string;
  updated_at: Date;
}

const SUMMARY_COLUMNS = `b.id, b.challenge_id, c.title AS challenge_title, b.team_id, t.name AS team_name, b.status,
  b.technical_approach, b.quoted_price_fen, b.duration_days, b.revision, b.received_at, b.content_hash, b.updated_at`;

const toSummary = (r: SummaryRow): BidSummaryView => ({
  id: r.id,
  challengeId: r.challenge_id,
  challengeTitle: r.challenge_title,
  teamId: r.team_id,
  teamName: r.team_name,
  status: r.status,
  technicalApproach: r.technical_approach,
  quotedPriceFen: Number(r.quoted_price_fen),
  durationDays: r.duration_days,
  receipt: { bidId: r.id, revision: r.revision, receivedAt: r.received_at.toISOString(), contentHash: r.content_hash },
  updatedAt: r.updated_at.toISOString(),
});

/** How the digest is computed, stated in every answer so anyone can recompute it. */
export const DIGEST_ALGORITHM =
  'SHA-256 (lowercase hex) of the lines "<bidId>:<revision>:<contentHash>\\n", one per bid not withdrawn, ' +
  'with its final revision, sorted by bidId';

/** Reading bids under seal: what each caller may see, decided by the database clock. */
@Injectable()
export class BidQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorService,
  ) {}

  async get(user: AuthUser, bidId: string): Promise<BidView> {
    const { bid, team } = await this.readable(this.dataSource.manager, user, bidId);
    return toBidView(bid, team.name);
  }

  async revisions(user: AuthUser, bidId: string): Promise<BidRevisionView[]> {
    const manager = this.dataSource.manager;
    await this.readable(manager, user, bidId);
    const revisions = await manager.find(BidRevisionEntity, { where: { bidId }, order: { revision: 'ASC' } });
    return revisions.map((r) => ({
      bidId: r.bidId,
      revision: r.revision,
      receivedAt: r.receivedAt.toISOString(),
      contentHash: r.contentHash,
      submittedBy: r.submittedBy,
      content: {
        challengeId: r.content.challengeId,
        teamId: r.content.teamId,
        revision: r.content.revision,
        technicalApproach: r.content.technicalApproach,
        proposal: r.content.proposal,
        quotedPriceFen: r.content.quotedPriceFen,
        durationDays: r.content.durationDays,
        milestones: r.content.milestones.map((m) => ({
          title: m.title,
          dueDay: m.dueDay,
          deliverable: m.deliverable,
          paymentBasisPoints: m.paymentBasisPoints,
        })),
        keyPersonnelUserIds: r.content.keyPersonnelUserIds,
        pledgedBy: r.content.pledgedBy,
      },
    }));
  }

  /** The bids of the teams the caller is a current member of. */
  async listMine(user: AuthUser, query: ListMyBidsQuery): Promise<BidSummaryView[]> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}
         FROM bid b JOIN challenge c ON c.id = b.challenge_id JOIN team t ON t.id = b.team_id
        WHERE EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = b.team_id AND m.user_id = $1 AND m.left_at IS NULL)
          AND ($2::uuid IS NULL OR b.challenge_id = $2)
        ORDER BY b.updated_at DESC, b.id LIMIT 500`,
      [user.id, query.challengeId ?? null],
    );
    return rows.map(toSummary);
  }

  /**
   * Before closing: a count for everyone who sees the challenge. After closing: the list for the
   * owner organisation and admins; still a count for everyone else. Always the caller's own teams' bids.
   */
  async forChallenge(user: AuthUser | null, challengeId: string): Promise<ChallengeBidsView> {
    const manager = this.dataSource.manager;
    const actor = user ? await this.actors.load(user, manager) : null;
    const challenge = visibleChallenge(await readChallengeWindow(manager, challengeId, user?.id ?? null, { lock: false }), actor);
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM bid WHERE challenge_id = $1 AND status <> 'WITHDRAWN'`,
      [challenge.id],
    );
    const ownBids: OwnBidRef[] = user
      ? (
          await manager.query(
            `SELECT b.id, b.team_id, b.status FROM bid b
              WHERE b.challenge_id = $1
                AND EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = b.team_id AND m.user_id = $2 AND m.left_at IS NULL)
              ORDER BY b.created_at`,
            [challenge.id, user.id],
          )
        ).map((r: { id: string; team_id: string; status: string }) => ({ bidId: r.id, teamId: r.team_id, status: r.status }))
      : [];
    const opened = canOpenBids(ownsOrAdministersChallenge(actor, challenge), challenge.phase);
    const bids: BidSummaryView[] = opened
      ? (
          (await manager.query(
            `SELECT ${SUMMARY_COLUMNS}
               FROM bid b JOIN challenge c ON c.id = b.challenge_id JOIN team t ON t.id = b.team_id
              WHERE b.challenge_id = $1 AND b.status <> 'WITHDRAWN'
              ORDER BY b.received_at, b.id`,
            [challenge.id],
          )) as SummaryRow[]
        ).map(toSummary)
      : [];
    return { challengeId: challenge.id, phase: challenge.phase, closesAt: challenge.closesAt.toISOString(), count, opened, bids, ownBids };
  }

  /** The "super hash" over every final receipt, published once bidding has closed. */
  async digest(user: AuthUser | null, challengeId: string): Promise<DigestView> {
    const manager = this.dataSource.manager;
    const actor = user ? await this.actors.load(user, manager) : null;
    const challenge = visibleChallenge(await readChallengeWindow(manager, challengeId, user?.id ?? null, { lock: false }), actor);
    if (challenge.phase !== 'CLOSED') {
      throw new Conflict('BIDDING_NOT_CLOSED', 'The digest of the bids is published once bidding has closed');
    }
    const rows: { bid_id: string; revision: number; content_hash: string }[] = await manager.query(
      `SELECT b.id AS bid_id, r.revision, r.content_hash
         FROM bid b JOIN bid_revision r ON r.bid_id = b.id AND r.revision = b.revision
        WHERE b.challenge_id = $1 AND b.status <> 'WITHDRAWN'
        ORDER BY b.id`,
      [challenge.id],
    );
    const receipts = rows.map((r) => ({ bidId: r.bid_id, revision: r.revision, contentHash: r.content_hash }));
    return {
      challengeId: challenge.id,
      closesAt: challenge.closesAt.toISOString(),
      algorithm: DIGEST_ALGORITHM,
      digest: bidsDigest(receipts.map((r) => ({ bidId: r.bidId, revision: r.revision, hash: r.contentHash }))),
      receipts,
    };
  }

  /** The bid, or 404 for anyone who may not read it (sealed bids do not reveal that they exist). */
  private async readable(
    manager: EntityManager,
    user: AuthUser,
    bidId: string,
  ): Promise<{ bid: BidEntity; team: TeamEntity; challenge: ChallengeWindow; actor: Actor }> {
    const bid = await manager.findOneBy(BidEntity, { id: bidId });
    if (!bid) throw new NotFound('Bid');
    const [actor, challenge, members, team] = await Promise.all([
      this.actors.load(user, manager),
      readChallengeWindow(manager, bid.challengeId, user.id, { lock: false }),
      currentMembers(manager, bid.teamId),
      manager.findOneByOrFail(TeamEntity, { id: bid.teamId }),
    ]);
    if (!challenge) throw new NotFound('Bid');
    const viewer = { isTeamMember: members.some((m) => m.userId === user.id), ownsOrAdministers: ownsOrAdministersChallenge(actor, challenge) };
    if (!canReadBid(viewer, challenge.phase, bidStatus(bid.status))) throw new NotFound('Bid');
    return { bid, team, challenge, actor };
  }
}
