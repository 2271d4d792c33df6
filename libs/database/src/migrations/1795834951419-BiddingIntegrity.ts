import { MigrationInterface, QueryRunner } from 'typeorm';

export class BiddingIntegrity1795834951419 implements MigrationInterface {
  name = 'BiddingIntegrity1795834951419';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bid" ADD "shortlisted_by" uuid`);
    await queryRunner.query(`ALTER TABLE "bid" ADD "shortlisted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_128d8c2a24d9967296f06fe608" ON "team_member"  ("team_id", "joined_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_02a0e4d31cc8c9768740e08164" ON "bid"  ("challenge_id", "status")`);
    await queryRunner.query(`ALTER TABLE "team" ADD CONSTRAINT "ck_team_kind" CHECK (kind IN ('RESEARCH_GROUP', 'UNIVERSITY_LAB', 'COMPANY', 'INDIVIDUAL_EXPERT'))`);
    await queryRunner.query(`ALTER TABLE "team_member" ADD CONSTRAINT "ck_team_member_period" CHECK (left_at IS NULL OR left_at >= joined_at)`);
    await queryRunner.query(`ALTER TABLE "team_member" ADD CONSTRAINT "ck_team_member_role" CHECK (role IN ('LEAD', 'MEMBER'))`);
    await queryRunner.query(`ALTER TABLE "bid" ADD CONSTRAINT "ck_bid_status" CHECK (status IN ('SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'NOT_SHORTLISTED', 'AWARDED', 'NOT_AWARDED'))`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" ADD CONSTRAINT "ck_idempotency_key_state" CHECK (state IN ('IN_PROGRESS', 'DONE'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP CONSTRAINT "ck_idempotency_key_state"`);
    await queryRunner.query(`ALTER TABLE "bid" DROP CONSTRAINT "ck_bid_status"`);
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "ck_team_member_role"`);
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "ck_team_member_period"`);
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "ck_team_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_02a0e4d31cc8c9768740e08164"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_128d8c2a24d9967296f06fe608"`);
    await queryRunner.query(`ALTER TABLE "bid" DROP COLUMN "shortlisted_at"`);
    await queryRunner.query(`ALTER TABLE "bid" DROP COLUMN "shortlisted_by"`);
  }
}
