import { BidForConflicts, BidStatus, MembershipForConflicts, OrganisationOnRecord } from '@app/domain';
import { EntityManager } from 'typeorm';
import { ORG_ON_RECORD_COLUMNS, orgOnRecordOf, OrgOnRecordRow } from '../experts/org-identity.reads';
import { RoomBidState } from './room-state';

/** A bid as convening checks it, with its team and the team's organisation (its identity, name and whether it is verified). */
export interface BidToConvene {
  id: string;
  challengeId: string;
  status: BidStatus;
  teamId: string;
  teamName: string;
  org: OrganisationOnRecord | null;
  keyPersonnelUserIds: string[];
}

/** A bid's full content, as its revision stands. */
export interface BidContentRow {
  revision: number;
  technicalApproach: string;
  proposal: string;
  quotedPriceFen: number;
  durationDays: number;
  milestones: RoomMilestone[];
  keyPersonnel: { userId: string; displayName: string }[];
  contentHash: string;
  receivedAt: Date;
}

/** A milestone as the bid stores it (validated by bidding when the bid was received). */
export interface RoomMilestone {
  title: string;
  dueDay: number;
  deliverable: string;
  paymentBasisPoints: number;
}

/** What the room reads of bidding's tables (bid, team, team_member); bidding writes them. */
export class RoomBidsReads {
  constructor(private readonly db: EntityManager) {}

  /** The room's slots in order, each with its bid's team and price (room_bid is the room's own, joined to bid and team). */
  async slots(roomId: string): Promise<RoomBidState[]> {
    const rows: {
      bid_id: string;
      position: number;
      presentation_minutes: number;
      qa_minutes: number;
      state: RoomBidState['state'];
      presented_at: Date | null;
      locked_at: Date | null;
      team_id: string;
      team_name: string;
      team_org_id: string | null;
      quoted_price_fen: number;
      received_at: Date;
    }[] = await this.db.query(
      `SELECT rb.bid_id, rb.position, rb.presentation_minutes, rb.qa_minutes, rb.state, rb.presented_at, rb.locked_at,
              b.team_id, t.name AS team_name, t.org_id AS team_org_id, b.quoted_price_fen, b.received_at
         FROM room_bid rb JOIN bid b ON b.id = rb.bid_id JOIN team t ON t.id = b.team_id
        WHERE rb.room_id = $1 ORDER BY rb.position`,
      [roomId],
    );
    return rows.map((b) => ({
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
      quotedPriceFen: b.quoted_price_fen,
      receivedAt: b.received_at,
    }));
  }

  async content(bidId: string): Promise<BidContentRow> {
    const [bid]: {
      revision: number;
      technical_approach: string;
      proposal: string;
      quoted_price_fen: number;
      duration_days: number;
      milestones: RoomMilestone[];
      key_personnel: { userId: string; displayName: string }[];
      content_hash: string;
      received_at: Date;
    }[] = await this.db.query(
      `SELECT b.revision, b.technical_approach, b.proposal, b.quoted_price_fen, b.duration_days, b.milestones, b.content_hash, b.received_at,
              COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) ORDER BY k.ord)
                          FROM unnest(b.key_personnel_user_ids) WITH ORDINALITY AS k(user_id, ord)
                          JOIN user_account u ON u.id = k.user_id), '[]'::json) AS key_personnel
         FROM bid b WHERE b.id = $1`,
      [bidId],
    );
    return {
      revision: bid.revision,
      technicalApproach: bid.technical_approach,
      proposal: bid.proposal,
      quotedPriceFen: bid.quoted_price_fen,
      durationDays: bid.duration_days,
      milestones: bid.milestones,
      keyPersonnel: bid.key_personnel,
      contentHash: bid.content_hash,
      receivedAt: bid.received_at,
    };
  }

  async toConvene(bidIds: readonly string[]): Promise<BidToConvene[]> {
    const rows: (OrgOnRecordRow & {
      id: string;
      challenge_id: string;
      status: BidStatus;
      team_id: string;
      team_name: string;
      key_personnel_user_ids: string[];
    })[] = await this.db.query(
      `SELECT b.id, b.challenge_id, b.status, b.team_id, t.name AS team_name, b.key_personnel_user_ids, ${ORG_ON_RECORD_COLUMNS}
         FROM bid b JOIN team t ON t.id = b.team_id LEFT JOIN organisation o ON o.id = t.org_id
        WHERE b.id = ANY($1::uuid[])`,
      [bidIds],
    );
    return rows.map((b) => ({
      id: b.id,
      challengeId: b.challenge_id,
      status: b.status,
      teamId: b.team_id,
      teamName: b.team_name,
      org: orgOnRecordOf(b),
      keyPersonnelUserIds: b.key_personnel_user_ids,
    }));
  }

  /** The challenge's shortlisted bids, in the order they were received. */
  async shortlistedIds(challengeId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM bid WHERE challenge_id = $1 AND status = 'SHORTLISTED' ORDER BY received_at, id`,
      [challengeId],
    );
    return rows.map((b) => b.id);
  }

  /**
   * Every period of membership of each of these teams, current and past. Membership begins only
   * when an invitation is accepted (bidding's team_invitation): a pending, declined or revoked
   * invitation is no period, so it never reaches the conflicts.
   */
  async memberships(teamIds: readonly string[]): Promise<Map<string, MembershipForConflicts[]>> {
    const rows: { team_id: string; user_id: string; left_at: Date | null }[] = await this.db.query(
      `SELECT team_id, user_id, left_at FROM team_member WHERE team_id = ANY($1::uuid[]) ORDER BY joined_at, id`,
      [teamIds],
    );
    const byTeam = new Map<string, MembershipForConflicts[]>();
    for (const row of rows) byTeam.set(row.team_id, [...(byTeam.get(row.team_id) ?? []), { userId: row.user_id, leftAt: row.left_at }]);
    return byTeam;
  }

  /** These bids, in the order given, with their key personnel, their teams' organisation and every period of membership, as the automatic conflicts read them. */
  async forConflicts(bidIds: readonly string[]): Promise<BidForConflicts[]> {
    return this.conflictsOf(bidIds, await this.toConvene(bidIds));
  }

  /** As forConflicts, for bids already read with toConvene (only their teams' memberships are read). */
  async conflictsOf(bidIds: readonly string[], read: readonly BidToConvene[]): Promise<BidForConflicts[]> {
    const bids = new Map(read.map((b) => [b.id, b]));
    const memberships = await this.memberships([...bids.values()].map((b) => b.teamId));
    return bidIds.flatMap((id) => {
      const bid = bids.get(id);
      return bid ? [{ bidId: id, org: bid.org, keyPersonnelUserIds: bid.keyPersonnelUserIds, memberships: memberships.get(bid.teamId) ?? [] }] : [];
    });
  }

  /** The rooms not finalised in which the user sits on the panel and a bid of the team is evaluated (room tables are the room's own). */
  async roomsJudgingTeam(teamId: string, userId: string): Promise<string[]> {
    const rows: { room_id: string }[] = await this.db.query(
      `SELECT DISTINCT r.id AS room_id
         FROM evaluation_room r
         JOIN room_panel_member p ON p.room_id = r.id AND p.user_id = $2
         JOIN room_bid rb ON rb.room_id = r.id JOIN bid b ON b.id = rb.bid_id
        WHERE b.team_id = $1 AND r.status <> 'FINALIZED'
        ORDER BY r.id`,
      [teamId, userId],
    );
    return rows.map((row) => row.room_id);
  }

  /** Whether the user is a current member of a team with a shortlisted bid on the challenge. */
  async inShortlistedTeam(challengeId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM bid b JOIN team_member tm ON tm.team_id = b.team_id AND tm.left_at IS NULL
        WHERE b.challenge_id = $1 AND b.status = 'SHORTLISTED' AND tm.user_id = $2 LIMIT 1`,
      [challengeId, userId],
    );
    return rows.length > 0;
  }

  /** The room evaluating this bid, and whether the user is a current member of its team (room_bid is the room's own). */
  async roomOfBid(bidId: string, userId: string): Promise<{ roomId: string; member: boolean } | null> {
    const [found]: { room_id: string; member: boolean }[] = await this.db.query(
      `SELECT rb.room_id,
              EXISTS (SELECT 1 FROM bid b JOIN team_member tm ON tm.team_id = b.team_id AND tm.left_at IS NULL
                       WHERE b.id = rb.bid_id AND tm.user_id = $2) AS member
         FROM room_bid rb WHERE rb.bid_id = $1`,
      [bidId, userId],
    );
    return found ? { roomId: found.room_id, member: found.member } : null;
  }
}
