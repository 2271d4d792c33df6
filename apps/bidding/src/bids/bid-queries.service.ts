import { Injectable } from '@nestjs/common';
import { Actor, ActorService, AuthUser } from '@app/auth';
import { BidEntity, connectionManager, TeamEntity } from '@app/database';
import { bidsDigest, canOpenBids, canReadBid, Conflict, NotFound } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { TeamRepository } from '../teams/team.repository';
import { BidRepository, BidSummary } from './bid.repository';
import { toBidView, toReceipt } from './bid.views';
import { ChallengeWindow, ownsOrAdministersChallenge, visibleChallenge } from './challenge-window';
import { ChallengeWindowReads } from './challenge-window.reads';
import {
  BidRevisionView,
  BidSummaryView,
  BidView,
  ChallengeBidsView,
  DigestView,
  ListMyBidsQuery,
  OwnBidRef,
} from './dto/bid.dto';

const toSummary = (b: BidSummary): BidSummaryView => ({
  id: b.id,
  challengeId: b.challengeId,
  challengeTitle: b.challengeTitle,
  teamId: b.teamId,
  teamName: b.teamName,
  status: b.status,
  technicalApproach: b.technicalApproach,
  quotedPriceFen: b.quotedPriceFen,
  durationDays: b.durationDays,
  receipt: toReceipt(b),
  updatedAt: b.updatedAt.toISOString(),
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
    const { bid, team } = await this.readable(this.manager, user, bidId);
    return toBidView(bid, team.name);
  }

  async revisions(user: AuthUser, bidId: string): Promise<BidRevisionView[]> {
    const manager = this.manager;
    await this.readable(manager, user, bidId);
    const revisions = await new BidRepository(manager).revisions(bidId);
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
    return (await new BidRepository(this.manager).ofMember(user.id, query.challengeId ?? null)).map(toSummary);
  }

  /**
   * Before closing: a count for everyone who sees the challenge. After closing: the list for the
   * owner organisation and admins; still a count for everyone else. Always the caller's own teams' bids.
   */
  async forChallenge(user: AuthUser | null, challengeId: string): Promise<ChallengeBidsView> {
    const manager = this.manager;
    const bids = new BidRepository(manager);
    const actor = user ? await this.actors.load(user, manager) : null;
    const challenge = visibleChallenge(await new ChallengeWindowReads(manager).window(challengeId, user?.id ?? null, { lock: false }), actor);
    const count = await bids.countActive(challenge.id);
    const ownBids: OwnBidRef[] = user ? await bids.ownOnChallenge(challenge.id, user.id) : [];
    const opened = canOpenBids(ownsOrAdministersChallenge(actor, challenge), challenge.phase);
    const summaries: BidSummaryView[] = opened ? (await bids.activeOnChallenge(challenge.id)).map(toSummary) : [];
    return {
      challengeId: challenge.id,
      phase: challenge.phase,
      closesAt: challenge.closesAt.toISOString(),
      count,
      opened,
      bids: summaries,
      ownBids,
    };
  }

  /** The "super hash" over every final receipt, published once bidding has closed. */
  async digest(user: AuthUser | null, challengeId: string): Promise<DigestView> {
    const manager = this.manager;
    const actor = user ? await this.actors.load(user, manager) : null;
    const challenge = visibleChallenge(await new ChallengeWindowReads(manager).window(challengeId, user?.id ?? null, { lock: false }), actor);
    if (challenge.phase !== 'CLOSED') {
      throw new Conflict('BIDDING_NOT_CLOSED', 'The digest of the bids is published once bidding has closed');
    }
    const receipts = await new BidRepository(manager).finalReceipts(challenge.id);
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
    const bid = await new BidRepository(manager).byId(bidId);
    if (!bid) throw new NotFound('Bid');
    const teams = new TeamRepository(manager);
    const [actor, challenge, members, team] = await Promise.all([
      this.actors.load(user, manager),
      new ChallengeWindowReads(manager).window(bid.challengeId, user.id, { lock: false }),
      teams.currentMembers(bid.teamId),
      teams.byIdOrFail(bid.teamId),
    ]);
    if (!challenge) throw new NotFound('Bid');
    const viewer = { isTeamMember: members.some((m) => m.userId === user.id), ownsOrAdministers: ownsOrAdministersChallenge(actor, challenge) };
    if (!canReadBid(viewer, challenge.phase, bid.status)) throw new NotFound('Bid');
    return { bid, team, challenge, actor };
  }

  /** Reads run outside a transaction: on the request's held connection if there is one, else the pool. */
  private get manager(): EntityManager {
    return connectionManager(this.dataSource);
  }
}
