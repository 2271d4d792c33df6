import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox hygiene: failures and dead letters per consumer, the consumers' registry, and an index for pruning by age. */
export class OutboxHygiene1795910000000 implements MigrationInterface {
  name = 'OutboxHygiene1795910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_failure" ("consumer" text NOT NULL, "event_id" bigint NOT NULL, "attempts" integer NOT NULL, "last_error" text NOT NULL, "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dead_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_outbox_failure" PRIMARY KEY ("consumer", "event_id"))`);
    await queryRunner.query(`ALTER TABLE "outbox_failure" ADD CONSTRAINT "FK_a0030e504c20b0048128931bcdb" FOREIGN KEY ("event_id") REFERENCES "outbox_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_failure_dead" ON "outbox_failure" ("consumer", "dead_at") WHERE dead_at IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "outbox_consumer" ("name" text NOT NULL, "types" text array NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_outbox_consumer" PRIMARY KEY ("name"))`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_event_occurred_at" ON "outbox_event" ("occurred_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_event_occurred_at"`);
    await queryRunner.query(`DROP TABLE "outbox_consumer"`);
    await queryRunner.query(`DROP TABLE "outbox_failure"`);
  }
}
