import { Injectable } from '@nestjs/common';
import { Actor, ActorService, AuthUser, authorize } from '@app/auth';
import { BidEntity, connectionManager, isUniqueViolation, publishEvent, TeamEntity } from '@app/database';
import {
  assertBiddingOpen,
  assertMayBid,
  assertNoSelfDealing,
  assertShortlistOpen,
  assertTeamLead,
  BidStatus,
  BidViewer,
  bidContentHash,
  buildBidContent,
  canReadBid,
  Conflict,
  CurrentMember,
  NotFound,
  transitionBid,
  validateBid,
} from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { TeamRepository } from '../teams/team.repository';
import { BidRepository } from './bid.repository';
import { toBidView } from './bid.views';
import { ChallengeWindow, ownsOrAdministersChallenge, visibleChallenge } from './challenge-window';
import { ChallengeWindowReads } from './challenge-window.reads';
import { EligibilityReads } from './eligibility.reads';
import { BidTermsDto, BidView, ReviseBidDto, ShortlistDto, SubmitBidDto } from './dto/bid.dto';

/** The partial unique index that makes "one active bid per team per challenge" a database fact. */
const ACTIVE_BID_INDEX = 'uq_bid_active_per_team';

const bidAlreadyExists = () =>
  new Conflict('BID_ALREADY_EXISTS', 'This team already has an active bid on this challenge: revise it (PUT /api/bids/:id) or withdraw it first');

const isActiveBidViolation = (error: unknown): boolean => isUniqueViolation(error, ACTIVE_BID_INDEX);

/** Refuses (403 OWN_CHALLENGE) a team of the challenge's owner enterprise, as it stands now (assertNoSelfDealing). */
async function assertNotOwnersTeam(manager: EntityManager, challenge: ChallengeWindow, team: TeamEntity, members: CurrentMember[]): Promise<void> {
  const memberUserIds = members.map((m) => m.userId);
  const ownerMemberUserIds = await new EligibilityReads(manager).membersOf(challenge.orgId, memberUserIds);
  assertNoSelfDealing({ orgId: challenge.orgId, memberUserIds: ownerMemberUserIds }, { orgId: team.orgId, memberUserIds });
}

/** A bid locked for change, with everything its rules need. */
interface LockedBid {
  bid: BidEntity;
  challenge: ChallengeWindow;
  team: TeamEntity;
  members: CurrentMember[];
  actor: Actor;
  viewer: BidViewer;
}

/**
 * The bid use cases that write: submit (揭榜), revise, withdraw, shortlist (形式审查). Each runs in
 * one transaction that locks the challenge row FOR SHARE, then the team, then the bid, and decides
 * the window by the database clock inside that transaction.
 */
@Injectable()
export class BidsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorService,
  ) {}

  /**
   * A team lead submits the team's bid. A team whose earlier bid on this challenge is WITHDRAWN
   * resubmits that same bid: it becomes SUBMITTED again with a new revision (the history stays in one bid).
   */
  async submit(user: AuthUser, challengeId: string, dto: SubmitBidDto): Promise<BidView> {
    try {
      return await connectionManager(this.dataSource).transaction(async (manager) => {
        const bids = new BidRepository(manager);
        const teams = new TeamRepository(manager);
        const eligibility = new EligibilityReads(manager);
        const actor = await this.actors.load(user, manager);
        const challenge = visibleChallenge(await new ChallengeWindowReads(manager).window(challengeId, user.id, { lock: true }), actor);
        const team = await teams.lock(dto.teamId, 'share');
        const members = await teams.currentMembers(team.id);
        assertTeamLead(members, user.id);
        assertBiddingOpen(challenge.phase);
        const memberUserIds = members.map((m) => m.userId);
        assertMayBid(
          { ...challenge, ownerMemberUserIds: await eligibility.membersOf(challenge.orgId, memberUserIds) },
          { id: team.id, orgId: team.orgId, memberUserIds, ndaAccepted: await eligibility.ndaAccepted(challenge.id, team.id) },
        );
        validateBid(dto, { rewardCeilingFen: challenge.rewardFen, teamMemberUserIds: memberUserIds });

        if (await bids.hasActive(challenge.id, team.id)) throw bidAlreadyExists();
        const previous = await bids.lockLatestWithdrawn(challenge.id, team.id);
        if (previous && previous.status !== BidStatus.WITHDRAWN) throw bidAlreadyExists();
        const status = previous ? transitionBid(previous.status, 'resubmit') : BidStatus.SUBMITTED;
        return toBidView(await this.writeRevision(manager, user, challenge, team.id, dto, previous, status), team.name);
      });
    } catch (error) {
      // Two submissions racing past the check above: the index lets one in, the other lands here.
      if (isActiveBidViolation(error)) throw bidAlreadyExists();
      throw error;
    }
  }

  /** A new revision of a SUBMITTED bid before closesAt; the previous revisions are kept. */
  async revise(user: AuthUser, bidId: string, dto: ReviseBidDto): Promise<BidView> {
    return connectionManager(this.dataSource).transaction(async (manager) => {
      const { bid, challenge, team, members } = await this.lockBid(manager, user, bidId);
      assertTeamLead(members, user.id);
      assertBiddingOpen(challenge.phase);
      const status = transitionBid(bid.status, 'revise');
      await assertNotOwnersTeam(manager, challenge, team, members);
      validateBid(dto, { rewardCeilingFen: challenge.rewardFen, teamMemberUserIds: members.map((m) => m.userId) });
      return toBidView(await this.writeRevision(manager, user, challenge, bid.teamId, dto, bid, status), team.name);
    });
  }

  async withdraw(user: AuthUser, bidId: string): Promise<BidView> {
    return connectionManager(this.dataSource).transaction(async (manager) => {
      const { bid, challenge, team, members } = await this.lockBid(manager, user, bidId);
      assertTeamLead(members, user.id);
      assertBiddingOpen(challenge.phase);
      const status = transitionBid(bid.status, 'withdraw');
      const bids = new BidRepository(manager);
      await bids.setStatus(bid.id, status);
      await publishEvent(manager, 'bid.withdrawn', { bidId: bid.id, challengeId: bid.challengeId, teamId: bid.teamId });
      return toBidView(await bids.reread(bid.id), team.name);
    });
  }

  /** 形式审查 after closing, by the owner organisation or an admin: SHORTLISTED, or NOT_SHORTLISTED with a reason. */
  async shortlist(user: AuthUser, bidId: string, dto: ShortlistDto): Promise<BidView> {
    return connectionManager(this.dataSource).transaction(async (manager) => {
      const { bid, challenge, team, members, viewer } = await this.lockBid(manager, user, bidId);
      authorize(viewer.ownsOrAdministers, 'NOT_CHALLENGE_OWNER', 'Only the owner organisation and admins shortlist bids');
      assertShortlistOpen(challenge.status, challenge.phase);
      const action = dto.decision === 'SHORTLISTED' ? 'shortlist' : 'rejectShortlist';
      const status = transitionBid(bid.status, action, { reason: dto.reason });
      // A team that became the owner's after submitting (a member joined the enterprise) is not shortlisted; it may still be turned down.
      if (action === 'shortlist') await assertNotOwnersTeam(manager, challenge, team, members);
      const reason = dto.reason?.trim() || null;
      const bids = new BidRepository(manager);
      await bids.recordShortlist(bid.id, { status, reason, by: user.id, at: challenge.dbNow });
      await publishEvent(manager, 'bid.shortlisted', {
        bidId: bid.id,
        challengeId: bid.challengeId,
        shortlisted: status === BidStatus.SHORTLISTED,
        reason,
      });
      return toBidView(await bids.reread(bid.id), team.name);
    });
  }

  /**
   * Locks challenge (FOR SHARE), team (FOR SHARE) and bid (FOR UPDATE), in the same order as
   * submit, and answers 404 to anyone who may not read the sealed bid.
   */
  private async lockBid(manager: EntityManager, user: AuthUser, bidId: string): Promise<LockedBid> {
    const bids = new BidRepository(manager);
    const teams = new TeamRepository(manager);
    const ref = await bids.byId(bidId);
    if (!ref) throw new NotFound('Bid');
    const actor = await this.actors.load(user, manager);
    const challenge = await new ChallengeWindowReads(manager).window(ref.challengeId, user.id, { lock: true });
    if (!challenge) throw new NotFound('Bid');
    const team = await teams.lock(ref.teamId, 'share');
    const bid = await bids.lockForChange(bidId);
    const members = await teams.currentMembers(team.id);
    const viewer: BidViewer = {
      isTeamMember: members.some((m) => m.userId === user.id),
      ownsOrAdministers: ownsOrAdministersChallenge(actor, challenge),
    };
    if (!canReadBid(viewer, challenge.phase, bid.status)) throw new NotFound('Bid');
    return { bid, challenge, team, members, actor, viewer };
  }

  /**
   * Writes revision `previous.revision + 1` (or 1): the bid row takes the new terms, a bid_revision
   * row keeps exactly the hashed content, and bid.submitted goes to the outbox, all in the caller's
   * transaction. The receive time is the database clock read after the challenge lock.
   */
  private async writeRevision(
    manager: EntityManager,
    user: AuthUser,
    challenge: ChallengeWindow,
    teamId: string,
    terms: BidTermsDto,
    previous: BidEntity | null,
    status: BidStatus,
  ): Promise<BidEntity> {
    const revision = (previous?.revision ?? 0) + 1;
    const content = buildBidContent({
      challengeId: challenge.id,
      teamId,
      revision,
      technicalApproach: terms.technicalApproach,
      proposal: terms.proposal,
      quotedPriceFen: terms.quotedPriceFen,
      durationDays: terms.durationDays,
      milestones: terms.milestones,
      keyPersonnelUserIds: terms.keyPersonnelUserIds,
      pledgedBy: user.id,
    });
    const contentHash = bidContentHash(content);
    const bid = await new BidRepository(manager).writeRevision({
      previousId: previous?.id ?? null,
      challengeId: challenge.id,
      teamId,
      status,
      content,
      contentHash,
      submittedBy: user.id,
      receivedAt: challenge.dbNow,
    });
    await publishEvent(manager, 'bid.submitted', { bidId: bid.id, challengeId: challenge.id, teamId, revision });
    return bid;
  }
}
