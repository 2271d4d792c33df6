import { NdaAcceptanceEntity } from '@app/database';
import { EntityManager, In } from 'typeorm';

/** Teams' acceptances of challenges' NDAs (nda_acceptance): one per challenge and team. */
export class NdaRepository {
  constructor(private readonly db: EntityManager) {}

  find(challengeId: string, teamId: string): Promise<NdaAcceptanceEntity | null> {
    return this.db.findOneBy(NdaAcceptanceEntity, { challengeId, teamId });
  }

  findOrFail(challengeId: string, teamId: string): Promise<NdaAcceptanceEntity> {
    return this.db.findOneByOrFail(NdaAcceptanceEntity, { challengeId, teamId });
  }

  /** The acceptances of these teams, oldest first. */
  ofTeams(challengeId: string, teamIds: readonly string[]): Promise<NdaAcceptanceEntity[]> {
    return this.db.find(NdaAcceptanceEntity, { where: { challengeId, teamId: In([...teamIds]) }, order: { acceptedAt: 'ASC' } });
  }

  /** Records the acceptance of `version`; false when the team had accepted already (the first record stands). */
  async accept(acceptance: { challengeId: string; teamId: string; userId: string; version: number }): Promise<boolean> {
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO nda_acceptance (challenge_id, team_id, user_id, version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (challenge_id, team_id) DO NOTHING RETURNING id`,
      [acceptance.challengeId, acceptance.teamId, acceptance.userId, acceptance.version],
    );
    return inserted.length > 0;
  }
}
