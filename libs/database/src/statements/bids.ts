import type { BidContent } from '@app/domain';

/**
 * The SQL of a bid's write path, as plain text (no TypeORM, so a bare client can import it alone as
 * @app/database/statements/bids): the bidding service's BidRepository sends it, and the P1 benchmark's bare
 * baseline (bench/baseline/bids-server.ts) sends the very same statements.
 */

/** Every column of bid under its entity name: a row RETURNING these is a BidEntity. */
const BID_COLUMNS = `id, challenge_id AS "challengeId", team_id AS "teamId", status, revision, technical_approach AS "technicalApproach",
  proposal, quoted_price_fen AS "quotedPriceFen", duration_days AS "durationDays", milestones,
  key_personnel_user_ids AS "keyPersonnelUserIds", pledged_by AS "pledgedBy", pledged_at AS "pledgedAt",
  content_hash AS "contentHash", received_at AS "receivedAt", shortlist_reason AS "shortlistReason",
  shortlisted_by AS "shortlistedBy", shortlisted_at AS "shortlistedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * A first revision: $1 challenge, $2 team, then `revisionValues` ($3 status … $13 content hash);
 * the receive time ($12) is also the pledge's time.
 */
export const INSERT_BID = `INSERT INTO bid (challenge_id, team_id, status, revision, technical_approach, proposal, quoted_price_fen, duration_days,
                  milestones, key_personnel_user_ids, pledged_by, pledged_at, content_hash, received_at)
 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12) RETURNING ${BID_COLUMNS}`;

/** A later revision of bid $1, then `revisionValues` ($2 status … $12 content hash). */
export const UPDATE_BID = `UPDATE bid SET status = $2, revision = $3, technical_approach = $4, proposal = $5, quoted_price_fen = $6,
       duration_days = $7, milestones = $8, key_personnel_user_ids = $9, pledged_by = $10, pledged_at = $11,
       content_hash = $12, received_at = $11, updated_at = now()
 WHERE id = $1 RETURNING ${BID_COLUMNS}`;

/** What a revision writes into the bid row, in the order INSERT_BID and UPDATE_BID take it. */
export function revisionValues(revision: { status: string; content: BidContent; receivedAt: Date; contentHash: string }): unknown[] {
  const { content } = revision;
  return [
    revision.status,
    content.revision,
    content.technicalApproach,
    content.proposal,
    content.quotedPriceFen,
    content.durationDays,
    JSON.stringify(content.milestones),
    content.keyPersonnelUserIds,
    content.pledgedBy,
    revision.receivedAt,
    revision.contentHash,
  ];
}

export const INSERT_REVISION = 'INSERT INTO bid_revision (bid_id, revision, content, content_hash, submitted_by, received_at) VALUES ($1, $2, $3, $4, $5, $6)';

/** The team, locked for the rest of the transaction (FOR SHARE while a bid is written, FOR UPDATE for membership changes). */
export const lockTeamStatement = (mode: 'update' | 'share') =>
  `SELECT id, name, kind, country, org_id AS "orgId", created_by AS "createdBy", created_at AS "createdAt"
     FROM team WHERE id = $1 ${mode === 'update' ? 'FOR UPDATE' : 'FOR SHARE'}`;
