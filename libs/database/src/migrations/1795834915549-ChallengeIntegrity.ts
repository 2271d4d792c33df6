import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChallengeIntegrity1795834915549 implements MigrationInterface {
  name = 'ChallengeIntegrity1795834915549';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_challenge_due_to_close" ON "challenge"  ("closes_at") WHERE status = 'PUBLISHED'`);
    await queryRunner.query(`ALTER TABLE "challenge" ADD CONSTRAINT "ck_challenge_window" CHECK ("closes_at" > "opens_at")`);
    await queryRunner.query(`ALTER TABLE "challenge" ADD CONSTRAINT "ck_challenge_pass_mark" CHECK ("pass_mark" BETWEEN 0 AND 100)`);
    await queryRunner.query(`ALTER TABLE "challenge" ADD CONSTRAINT "ck_challenge_winners" CHECK ("winners" >= 1)`);
    await queryRunner.query(`ALTER TABLE "challenge" ADD CONSTRAINT "ck_challenge_reward_positive" CHECK ("reward_fen" > 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "ck_challenge_reward_positive"`);
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "ck_challenge_winners"`);
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "ck_challenge_pass_mark"`);
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "ck_challenge_window"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_due_to_close"`);
  }
}
