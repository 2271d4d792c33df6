import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evaluation1795834935658 implements MigrationInterface {
  name = 'Evaluation1795834935658';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "expert" ("user_id" uuid NOT NULL, "title" text NOT NULL, "fields" text array NOT NULL DEFAULT '{}', "affiliation_org_id" uuid, "bio" text NOT NULL DEFAULT '', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a0564d12eede28041464041985" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "evaluation_room" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'CONVENED', "chair_user_id" uuid NOT NULL, "aggregation" text NOT NULL DEFAULT 'TRIMMED_MEAN', "objection_window_minutes" integer NOT NULL, "rubric" jsonb NOT NULL, "pass_mark" integer NOT NULL, "winners" integer NOT NULL, "version" bigint NOT NULL DEFAULT '0', "current_bid_id" uuid, "timer_bid_id" uuid, "timer_phase" text, "timer_duration_ms" integer, "timer_remaining_ms" integer, "timer_started_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "revealed_at" TIMESTAMP WITH TIME ZONE, "objection_window_ends_at" TIMESTAMP WITH TIME ZONE, "finalized_at" TIMESTAMP WITH TIME ZONE, "chain_head" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3774778841867beddd3f565f7da" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_room_challenge" ON "evaluation_room"  ("challenge_id")`);
    await queryRunner.query(`CREATE TABLE "room_panel_member" ("room_id" uuid NOT NULL, "user_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_7caac2d249d9484c050b744b435" PRIMARY KEY ("room_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a0a5bf22eba4bd19a9eff50ca5" ON "room_panel_member"  ("user_id")`);
    await queryRunner.query(`CREATE TABLE "room_bid" ("room_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "position" integer NOT NULL, "presentation_minutes" integer NOT NULL, "qa_minutes" integer NOT NULL, "state" text NOT NULL DEFAULT 'PENDING', "presented_at" TIMESTAMP WITH TIME ZONE, "locked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_08dcfb1be2d841db7117c7eb78a" PRIMARY KEY ("room_id", "bid_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1a9e811eca8c7b5d273f20a969" ON "room_bid"  ("bid_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8c571f058094e2ec45d55211fb" ON "room_bid"  ("room_id", "position")`);
    await queryRunner.query(`CREATE TABLE "room_declaration" ("room_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "conflict" boolean NOT NULL, "automatic" boolean NOT NULL DEFAULT false, "reason" text, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f398e3f491d60e19b6c9d476c36" PRIMARY KEY ("room_id", "judge_id", "bid_id"))`);
    await queryRunner.query(`CREATE TABLE "room_score" ("room_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "scores" jsonb NOT NULL, "total_centi" integer NOT NULL, "comment" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_231b77ecbf7a653461af829da09" PRIMARY KEY ("room_id", "bid_id", "judge_id"))`);
    await queryRunner.query(`CREATE TABLE "room_operation" ("room_id" uuid NOT NULL, "user_id" uuid NOT NULL, "op_id" text NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_284061f68c5f7d1fbaaca336896" PRIMARY KEY ("room_id", "user_id", "op_id"))`);
    await queryRunner.query(`CREATE TABLE "room_audit" ("room_id" uuid NOT NULL, "seq" integer NOT NULL, "actor_id" uuid, "action" text NOT NULL, "payload" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_c728fec4ca91fb03b20343dd0b8" PRIMARY KEY ("room_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "room_objection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "filed_by" uuid NOT NULL, "text" text NOT NULL, "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e2bdd1543f9e2d4133adb4984a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fc1e538f21ee6850d6bbd08b95" ON "room_objection"  ("room_id", "created_at")`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_winners" CHECK (winners >= 1)`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_pass_mark" CHECK (pass_mark BETWEEN 0 AND 100)`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_objection_window" CHECK (objection_window_minutes >= 0)`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_timer_phase" CHECK (timer_phase IS NULL OR timer_phase IN ('PRESENTATION', 'QA'))`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_aggregation" CHECK (aggregation IN ('TRIMMED_MEAN', 'MEAN', 'MEDIAN'))`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_status" CHECK (status IN ('CONVENED', 'OPEN', 'REVEALED', 'FINALIZED'))`);
    await queryRunner.query(`ALTER TABLE "room_bid" ADD CONSTRAINT "ck_room_bid_minutes" CHECK (presentation_minutes > 0 AND qa_minutes >= 0)`);
    await queryRunner.query(`ALTER TABLE "room_bid" ADD CONSTRAINT "ck_room_bid_state" CHECK (state IN ('PENDING', 'PRESENTING', 'LOCKED'))`);
    await queryRunner.query(`ALTER TABLE "room_score" ADD CONSTRAINT "ck_room_score_total" CHECK (total_centi BETWEEN 0 AND 10000)`);
    await queryRunner.query(`ALTER TABLE "expert" ADD CONSTRAINT "FK_5a0564d12eede28041464041985" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert" ADD CONSTRAINT "FK_fa33ac379cdeba891e4c28b61fd" FOREIGN KEY ("affiliation_org_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "FK_c911b2d9ac9e2c63a8d9d1694de" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "FK_430829721f8999addf49f0b108a" FOREIGN KEY ("chair_user_id") REFERENCES "user_account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_panel_member" ADD CONSTRAINT "FK_1267e231f51928891e04f5753a9" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_panel_member" ADD CONSTRAINT "FK_a0a5bf22eba4bd19a9eff50ca5f" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_bid" ADD CONSTRAINT "FK_e86eb09d8abf78761107a74a327" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_bid" ADD CONSTRAINT "FK_1a9e811eca8c7b5d273f20a9695" FOREIGN KEY ("bid_id") REFERENCES "bid"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_declaration" ADD CONSTRAINT "FK_ecab6bdc0782216e81c4f7d6235" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_score" ADD CONSTRAINT "FK_d39ba152c137f5519860b9f9eb0" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_operation" ADD CONSTRAINT "FK_32f6ad2b54f1f98540d8566a81d" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_audit" ADD CONSTRAINT "FK_0173100825a25685c383a419b91" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "room_objection" ADD CONSTRAINT "FK_303e031c86e6ed93e184cd8adc7" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The record is append-only in the database too. The hash chain still catches whoever gets past
    // this (a superuser can disable the trigger): verify fails at the first edited entry.
    await queryRunner.query(`CREATE FUNCTION "room_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'room_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "room_audit_append_only" BEFORE UPDATE OR DELETE ON "room_audit" FOR EACH ROW EXECUTE FUNCTION "room_audit_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "room_audit_append_only" ON "room_audit"`);
    await queryRunner.query(`DROP FUNCTION "room_audit_append_only"()`);
    await queryRunner.query(`ALTER TABLE "room_objection" DROP CONSTRAINT "FK_303e031c86e6ed93e184cd8adc7"`);
    await queryRunner.query(`ALTER TABLE "room_audit" DROP CONSTRAINT "FK_0173100825a25685c383a419b91"`);
    await queryRunner.query(`ALTER TABLE "room_operation" DROP CONSTRAINT "FK_32f6ad2b54f1f98540d8566a81d"`);
    await queryRunner.query(`ALTER TABLE "room_score" DROP CONSTRAINT "FK_d39ba152c137f5519860b9f9eb0"`);
    await queryRunner.query(`ALTER TABLE "room_declaration" DROP CONSTRAINT "FK_ecab6bdc0782216e81c4f7d6235"`);
    await queryRunner.query(`ALTER TABLE "room_bid" DROP CONSTRAINT "FK_1a9e811eca8c7b5d273f20a9695"`);
    await queryRunner.query(`ALTER TABLE "room_bid" DROP CONSTRAINT "FK_e86eb09d8abf78761107a74a327"`);
    await queryRunner.query(`ALTER TABLE "room_panel_member" DROP CONSTRAINT "FK_a0a5bf22eba4bd19a9eff50ca5f"`);
    await queryRunner.query(`ALTER TABLE "room_panel_member" DROP CONSTRAINT "FK_1267e231f51928891e04f5753a9"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "FK_430829721f8999addf49f0b108a"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "FK_c911b2d9ac9e2c63a8d9d1694de"`);
    await queryRunner.query(`ALTER TABLE "expert" DROP CONSTRAINT "FK_fa33ac379cdeba891e4c28b61fd"`);
    await queryRunner.query(`ALTER TABLE "expert" DROP CONSTRAINT "FK_5a0564d12eede28041464041985"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc1e538f21ee6850d6bbd08b95"`);
    await queryRunner.query(`DROP TABLE "room_objection"`);
    await queryRunner.query(`DROP TABLE "room_audit"`);
    await queryRunner.query(`DROP TABLE "room_operation"`);
    await queryRunner.query(`DROP TABLE "room_score"`);
    await queryRunner.query(`DROP TABLE "room_declaration"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c571f058094e2ec45d55211fb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1a9e811eca8c7b5d273f20a969"`);
    await queryRunner.query(`DROP TABLE "room_bid"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0a5bf22eba4bd19a9eff50ca5"`);
    await queryRunner.query(`DROP TABLE "room_panel_member"`);
    await queryRunner.query(`DROP INDEX "public"."uq_evaluation_room_challenge"`);
    await queryRunner.query(`DROP TABLE "evaluation_room"`);
    await queryRunner.query(`DROP TABLE "expert"`);
  }
}
