import { RubricCriterionRecord } from '@app/database';
import { ChallengeStatus, readsAsStatusSql } from '@app/domain';
import { EntityManager } from 'typeorm';

/** A challenge as convening its room needs it. */
export interface ChallengeToConvene {
  status: ChallengeStatus;
  /** Reads as closed: bidding on it is over (by status or past its deadline). */
  closed: boolean;
  rubric: RubricCriterionRecord[];
  passMark: number;
  winners: number;
}

/** What the rooms read of the challenges service's challenge table. */
export class ChallengeReads {
  constructor(private readonly db: EntityManager) {}

  /** The owner organisation ('' when there is no such challenge). */
  async orgId(challengeId: string): Promise<string> {
    const rows: { org_id: string }[] = await this.db.query('SELECT org_id FROM challenge WHERE id = $1', [challengeId]);
    return rows[0]?.org_id ?? '';
  }

  async heading(challengeId: string): Promise<{ id: string; title: string; orgId: string }> {
    const [challenge]: { id: string; title: string; org_id: string }[] = await this.db.query('SELECT id, title, org_id FROM challenge WHERE id = $1', [
      challengeId,
    ]);
    return { id: challenge.id, title: challenge.title, orgId: challenge.org_id };
  }

  /** The challenge with a share lock held to the end of the transaction: it cannot change while its room is convened. */
  async toConvene(challengeId: string): Promise<ChallengeToConvene | null> {
    const [challenge]: { status: ChallengeStatus; closed: boolean; rubric: RubricCriterionRecord[]; pass_mark: number; winners: number }[] =
      await this.db.query(
        `SELECT c.id, c.status, ${readsAsStatusSql('c', ChallengeStatus.CLOSED)} AS closed, c.rubric, c.pass_mark, c.winners
           FROM challenge c WHERE c.id = $1 FOR SHARE`,
        [challengeId],
      );
    return challenge
      ? { status: challenge.status, closed: challenge.closed, rubric: challenge.rubric, passMark: challenge.pass_mark, winners: challenge.winners }
      : null;
  }
}
