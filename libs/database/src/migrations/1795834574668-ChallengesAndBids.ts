import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChallengesAndBids1795834574668 implements MigrationInterface {
  name = 'ChallengesAndBids1795834574668';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TABLE "challenge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_id" uuid NOT NULL, "created_by" uuid NOT NULL, "status" text NOT NULL DEFAULT 'DRAFT', "version" integer NOT NULL DEFAULT '1', "title" text NOT NULL, "summary" text NOT NULL, "detail" text NOT NULL, "industry_field" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "indicators" jsonb NOT NULL, "reward_fen" bigint NOT NULL, "winners" integer NOT NULL DEFAULT '1', "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "eligibility" text NOT NULL DEFAULT 'OPEN', "invited_team_ids" uuid array NOT NULL DEFAULT '{}', "invited_org_ids" uuid array NOT NULL DEFAULT '{}', "ip_terms" text NOT NULL, "nda_required" boolean NOT NULL DEFAULT false, "pass_mark" integer NOT NULL DEFAULT '60', "rubric" jsonb NOT NULL, "rejection_reason" text, "cancellation_reason" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f31455ad09ea6a836a06871b7a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0bf2acb9cb89e88c4df12168e1" ON "challenge"  ("org_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "challenge_version" ("challenge_id" uuid NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "change_note" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06a5ec5a4da98ad4a7dee5aba90" PRIMARY KEY ("challenge_id", "version"))`);
    await queryRunner.query(`CREATE TABLE "challenge_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "asked_by" uuid NOT NULL, "question" text NOT NULL, "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54d51d2fbb0827064d88993a0bd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a9108100247a9a4ea8a5aae3fb" ON "challenge_question"  ("challenge_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "nda_acceptance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "team_id" uuid NOT NULL, "user_id" uuid NOT NULL, "version" integer NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_04666ad293bfb720c66c1f99918" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0c79288e589898741c4a9b0483" ON "nda_acceptance"  ("challenge_id", "team_id")`);
    await queryRunner.query(`CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "country" character(2) NOT NULL, "org_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "team_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "team_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_649680684d72a20d279641469c5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0724b86622f89c433dee4cd8b1" ON "team_member"  ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_419a7c78369f862e3cb37c4b97" ON "team_member"  ("team_id", "user_id") WHERE left_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "bid" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "team_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'SUBMITTED', "revision" integer NOT NULL DEFAULT '1', "technical_approach" text NOT NULL, "proposal" text NOT NULL, "quoted_price_fen" bigint NOT NULL, "duration_days" integer NOT NULL, "milestones" jsonb NOT NULL, "key_personnel_user_ids" uuid array NOT NULL, "pledged_by" uuid NOT NULL, "pledged_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "shortlist_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ed405dda320051aca2dcb1a50bb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c17b6fbcc5d659adbbb33161f6" ON "bid"  ("team_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_bid_active_per_team" ON "bid"  ("challenge_id", "team_id") WHERE status <> 'WITHDRAWN'`);
    await queryRunner.query(`CREATE TABLE "bid_revision" ("bid_id" uuid NOT NULL, "revision" integer NOT NULL, "content" jsonb NOT NULL, "content_hash" text NOT NULL, "submitted_by" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5d51bda7dd2df5d0087263a0703" PRIMARY KEY ("bid_id", "revision"))`);
    await queryRunner.query(`CREATE TABLE "idempotency_key" ("user_id" uuid NOT NULL, "key" text NOT NULL, "scope" text NOT NULL, "request_hash" text NOT NULL, "state" text NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de390066dce788f80744a8f6626" PRIMARY KEY ("user_id", "key"))`);
    // Substring search in Chinese and English: trigram GIN indexes serve ILIKE '%…%' without a sequential scan.
    await queryRunner.query(`CREATE INDEX "ix_challenge_title_trgm" ON "challenge" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_challenge_summary_trgm" ON "challenge" USING gin ("summary" gin_trgm_ops)`);
    // Keyset pagination of the public list: newest first, id as the tie-breaker.
    await queryRunner.query(`CREATE INDEX "ix_challenge_listing" ON "challenge" ("created_at" DESC, "id" DESC)`);
    await queryRunner.query(`ALTER TABLE "challenge" ADD CONSTRAINT "FK_81b2244bd131b026cf8eb57881d" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge" ADD CONSTRAINT "FK_f709bd067515311fa5f7894bb8f" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_version" ADD CONSTRAINT "FK_d3a3ed03b537b451855fe063637" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "challenge_question" ADD CONSTRAINT "FK_df6fea888c63d5297ff6fe3b155" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "nda_acceptance" ADD CONSTRAINT "FK_ac688d7c7017635a208a8fd486e" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team" ADD CONSTRAINT "FK_8eaa2c9db5319db488cfbd2534a" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team_member" ADD CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team_member" ADD CONSTRAINT "FK_0724b86622f89c433dee4cd8b17" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bid" ADD CONSTRAINT "FK_cec7a2030d2c168f350679d68f3" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bid" ADD CONSTRAINT "FK_c17b6fbcc5d659adbbb33161f66" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bid_revision" ADD CONSTRAINT "FK_622a0d75a61c035a5eec90db30e" FOREIGN KEY ("bid_id") REFERENCES "bid"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bid_revision" DROP CONSTRAINT "FK_622a0d75a61c035a5eec90db30e"`);
    await queryRunner.query(`ALTER TABLE "bid" DROP CONSTRAINT "FK_c17b6fbcc5d659adbbb33161f66"`);
    await queryRunner.query(`ALTER TABLE "bid" DROP CONSTRAINT "FK_cec7a2030d2c168f350679d68f3"`);
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "FK_0724b86622f89c433dee4cd8b17"`);
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b"`);
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "FK_8eaa2c9db5319db488cfbd2534a"`);
    await queryRunner.query(`ALTER TABLE "nda_acceptance" DROP CONSTRAINT "FK_ac688d7c7017635a208a8fd486e"`);
    await queryRunner.query(`ALTER TABLE "challenge_question" DROP CONSTRAINT "FK_df6fea888c63d5297ff6fe3b155"`);
    await queryRunner.query(`ALTER TABLE "challenge_version" DROP CONSTRAINT "FK_d3a3ed03b537b451855fe063637"`);
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "FK_f709bd067515311fa5f7894bb8f"`);
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "FK_81b2244bd131b026cf8eb57881d"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP TABLE "bid_revision"`);
    await queryRunner.query(`DROP INDEX "public"."uq_bid_active_per_team"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c17b6fbcc5d659adbbb33161f6"`);
    await queryRunner.query(`DROP TABLE "bid"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_419a7c78369f862e3cb37c4b97"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0724b86622f89c433dee4cd8b1"`);
    await queryRunner.query(`DROP TABLE "team_member"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0c79288e589898741c4a9b0483"`);
    await queryRunner.query(`DROP TABLE "nda_acceptance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a9108100247a9a4ea8a5aae3fb"`);
    await queryRunner.query(`DROP TABLE "challenge_question"`);
    await queryRunner.query(`DROP TABLE "challenge_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0bf2acb9cb89e88c4df12168e1"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_listing"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_summary_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_title_trgm"`);
    await queryRunner.query(`DROP TABLE "challenge"`);
  }
}
