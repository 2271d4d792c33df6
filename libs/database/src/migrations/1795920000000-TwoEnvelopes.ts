import { MigrationInterface, QueryRunner } from 'typeorm';

/** Two envelopes (技术标 / 商务标) per room: the option chosen at convening, and when the prices were opened. */
export class TwoEnvelopes1795920000000 implements MigrationInterface {
  name = 'TwoEnvelopes1795920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD "envelopes" text NOT NULL DEFAULT 'SINGLE'`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD "price_criterion_key" text`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD "price_scoring" text`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD "prices_opened_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_envelopes" CHECK (envelopes IN ('SINGLE', 'TWO'))`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_price_scoring" CHECK (price_scoring IS NULL OR price_scoring IN ('FORMULA', 'JUDGES'))`);
    await queryRunner.query(
      `ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_two_envelopes" CHECK ((envelopes = 'SINGLE' AND price_criterion_key IS NULL AND price_scoring IS NULL AND prices_opened_at IS NULL) OR (envelopes = 'TWO' AND price_criterion_key IS NOT NULL AND price_scoring IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "ck_evaluation_room_two_envelopes"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "ck_evaluation_room_price_scoring"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "ck_evaluation_room_envelopes"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP COLUMN "prices_opened_at"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP COLUMN "price_scoring"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP COLUMN "price_criterion_key"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP COLUMN "envelopes"`);
  }
}
