import { RefreshTokenEntity } from '@app/database';
import { EntityManager } from 'typeorm';

/** A revoked session (refresh-token family) and when its last revocation happened. */
export interface RevokedSession {
  familyId: string;
  revokedAt: Date;
}

/** Rotating refresh tokens (refresh_token), stored as the SHA-256 of their secret; one family per sign-in. */
export class RefreshTokenRepository {
  constructor(private readonly db: EntityManager) {}

  byId(id: string): Promise<RefreshTokenEntity | null> {
    return this.db.findOneBy(RefreshTokenEntity, { id });
  }

  /** The token locked for update (use inside a transaction). */
  lockById(id: string): Promise<RefreshTokenEntity | null> {
    return this.db.findOne(RefreshTokenEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether `expiresAt` has passed by the database clock. */
  async hasExpired(expiresAt: Date): Promise<boolean> {
    const [{ expired }]: { expired: boolean }[] = await this.db.query('SELECT $1::timestamptz <= now() AS expired', [expiresAt]);
    return expired;
  }

  async markUsed(token: RefreshTokenEntity): Promise<void> {
    token.usedAt = new Date();
    await this.db.save(token);
  }

  /** A new token of the family (a new family when null), valid for `ttlSeconds`; answers its id and family. */
  async issue(userId: string, familyId: string | null, tokenHash: string, ttlSeconds: number): Promise<{ id: string; familyId: string }> {
    const [row]: { id: string; family_id: string }[] = await this.db.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
       VALUES ($1, COALESCE($2::uuid, gen_random_uuid()), $3, now() + make_interval(secs => $4)) RETURNING id, family_id`,
      [userId, familyId, tokenHash, ttlSeconds],
    );
    return { id: row.id, familyId: row.family_id };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
  }

  /**
   * The database clock now, and the sessions revoked after `since` less `overlapSeconds` (on the first
   * read, when `since` is null: in the last `firstWindowSeconds`).
   */
  async revokedSince(
    since: Date | null,
    overlapSeconds: number,
    firstWindowSeconds: number,
  ): Promise<{ polledAt: Date; sessions: RevokedSession[] }> {
    const rows: { polled_at: Date; family_id: string | null; revoked_at: Date | null }[] = await this.db.query(
      `WITH clock AS (SELECT now() AS polled_at)
       SELECT clock.polled_at, r.family_id, r.revoked_at
         FROM clock LEFT JOIN LATERAL (
           SELECT family_id, max(revoked_at) AS revoked_at FROM refresh_token
            WHERE revoked_at > COALESCE($1::timestamptz - make_interval(secs => $2), clock.polled_at - make_interval(secs => $3))
            GROUP BY family_id
         ) r ON true`,
      [since, overlapSeconds, firstWindowSeconds],
    );
    const sessions: RevokedSession[] = [];
    for (const row of rows) {
      if (row.family_id !== null && row.revoked_at !== null) sessions.push({ familyId: row.family_id, revokedAt: row.revoked_at });
    }
    return { polledAt: rows[0].polled_at, sessions };
  }
}
