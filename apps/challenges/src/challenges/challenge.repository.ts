import { ChallengeEntity, ChallengeVersionEntity } from '@app/database';
import { ChallengeStatus, pastDeadlineSql } from '@app/domain';
import { EntityManager } from 'typeorm';
import { StoredTerms, storeTerms, Terms, termsColumns } from './challenge-terms';

/** A published version of a challenge's terms. */
export interface ChallengeVersion {
  version: number;
  changeNote: string | null;
  createdAt: Date;
  terms: StoredTerms;
}

/** What the challenge's page shows besides the challenge itself. */
export interface ChallengeExtras {
  orgName: string;
  answeredQuestions: number;
}

/** Challenges (challenge) and their published versions (challenge_version). */
export class ChallengeRepository {
  constructor(private readonly db: EntityManager) {}

  /** A new draft, version 1; answers its id. */
  async createDraft(terms: Terms, orgId: string, createdBy: string): Promise<string> {
    const challenge = this.db.create(ChallengeEntity, { ...termsColumns(terms), orgId, createdBy, status: ChallengeStatus.DRAFT, version: 1 });
    return (await this.db.save(challenge)).id;
  }

  /** The challenge, locked for update when `lock` (use inside a transaction); null when it does not exist. */
  load(id: string, lock: boolean): Promise<ChallengeEntity | null> {
    return this.db.findOne(ChallengeEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The database clock as of this statement: clock_timestamp(), not now(), so a read after a row lock is later than its grant. */
  async clock(): Promise<Date> {
    const [{ now }]: { now: Date }[] = await this.db.query('SELECT clock_timestamp() AS now');
    return now;
  }

  /** The draft's (or rejected challenge's) new terms, and its status. */
  async saveDraftTerms(id: string, terms: Terms, status: ChallengeStatus): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { ...termsColumns(terms), status });
  }

  async markSubmitted(id: string, status: ChallengeStatus): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { status, submittedAt: () => 'now()', rejectionReason: null });
  }

  /** `at`: the moment of publication the window was checked against (the database clock after the row lock). */
  async markPublished(id: string, status: ChallengeStatus, at: Date): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { status, publishedAt: at });
  }

  async markRejected(id: string, status: ChallengeStatus, reason: string): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { status, rejectionReason: reason });
  }

  async markCancelled(id: string, status: ChallengeStatus, reason: string | null): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { status, cancellationReason: reason });
  }

  /** A stored PUBLISHED challenge past its deadline becomes `status` (CLOSED) now. */
  async markClosed(id: string, status: ChallengeStatus): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { status, closedAt: () => 'now()' });
  }

  async setStatus(id: string, status: ChallengeStatus): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { status });
  }

  /** The amended terms, as version `version`. */
  async saveAmendment(id: string, terms: Terms, version: number): Promise<void> {
    await this.db.update(ChallengeEntity, { id }, { ...termsColumns(terms), version });
  }

  async insertVersion(version: { challengeId: string; version: number; terms: Terms; changeNote: string | null; createdBy: string }): Promise<void> {
    await this.db.insert(ChallengeVersionEntity, {
      challengeId: version.challengeId,
      version: version.version,
      snapshot: { ...storeTerms(version.terms) },
      changeNote: version.changeNote,
      createdBy: version.createdBy,
    });
  }

  /** Every published version, oldest first. */
  async versions(challengeId: string): Promise<ChallengeVersion[]> {
    const rows = await this.db.find(ChallengeVersionEntity, { where: { challengeId }, order: { version: 'ASC' } });
    return rows.map((row) => ({
      version: row.version,
      changeNote: row.changeNote,
      createdAt: row.createdAt,
      terms: row.snapshot as unknown as StoredTerms,
    }));
  }

  /**
   * The posting organisation's name and the number of answered questions, in one statement of the
   * challenge's page (organisation is auth's table, read here only).
   */
  async extras(orgId: string, challengeId: string): Promise<ChallengeExtras> {
    const [row]: { org_name: string; answered: number }[] = await this.db.query(
      `SELECT (SELECT name FROM organisation WHERE id = $1) AS org_name,
              (SELECT count(*)::int FROM challenge_question WHERE challenge_id = $2 AND answer IS NOT NULL) AS answered`,
      [orgId, challengeId],
    );
    return { orgName: row.org_name, answeredQuestions: row.answered };
  }

  /**
   * Closes up to `batch` published challenges past their deadline by the database clock, as `status`
   * (CLOSED), skipping rows another transaction holds; answers them with their deadlines.
   */
  async closeDue(status: ChallengeStatus, batch: number): Promise<{ id: string; closesAt: Date }[]> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [{ id: string; closes_at: Date }[], number] = await this.db.query(
      `UPDATE challenge SET status = $1, closed_at = now(), updated_at = now()
        WHERE id IN (SELECT c.id FROM challenge c
                      WHERE ${pastDeadlineSql('c')}
                      ORDER BY c.closes_at LIMIT $2
                      FOR UPDATE SKIP LOCKED)
        RETURNING id, closes_at`,
      [status, batch],
    );
    return rows.map((row) => ({ id: row.id, closesAt: row.closes_at }));
  }
}
