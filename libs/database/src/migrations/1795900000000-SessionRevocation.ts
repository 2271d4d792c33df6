import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every instance reads the recently revoked sessions every second: a small index of the revoked tokens only. */
export class SessionRevocation1795900000000 implements MigrationInterface {
  name = 'SessionRevocation1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_revoked_at" ON "refresh_token" ("revoked_at") WHERE revoked_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_revoked_at"`);
  }
}
