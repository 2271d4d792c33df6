import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795832530520 implements MigrationInterface {
  name = 'Foundation1795832530520';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_event" ("id" BIGSERIAL NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8eb86abec23b79de249107e193" ON "outbox_event"  ("type", "id")`);
    await queryRunner.query(`CREATE TABLE "outbox_consumption" ("consumer" text NOT NULL, "event_id" bigint NOT NULL, "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61ced2095e1e5c92e7c00242ee8" PRIMARY KEY ("consumer", "event_id"))`);
    await queryRunner.query(`CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "locale" text NOT NULL DEFAULT 'zh-CN', "password_hash" text NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "country" character(2) NOT NULL, "credit_code" text, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organisation_credit_code" ON "organisation"  ("credit_code") WHERE credit_code IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "org_member" ("org_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL DEFAULT 'MEMBER', "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3887c571683d00674628d8bf2f0" PRIMARY KEY ("org_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_167aa0aeb690d602164c1626ac" ON "org_member"  ("user_id")`);
    await queryRunner.query(`CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_eb31f2a7917404a46e17f539f1" ON "refresh_token"  ("family_id")`);
    await queryRunner.query(`CREATE TABLE "auth_throttle" ("key" text NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL, CONSTRAINT "PK_4c7fca5065c568fa2bae24a1d26" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_account_email" ON "user_account" (lower("email"))`);
    await queryRunner.query(`ALTER TABLE "outbox_consumption" ADD CONSTRAINT "FK_2e02a8bd070ba3611bdc2a57466" FOREIGN KEY ("event_id") REFERENCES "outbox_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "FK_c4b5d048c85e980ceba31330f19" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "org_member" ADD CONSTRAINT "FK_5cbc4503718aea4e7b545b63e6f" FOREIGN KEY ("org_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "org_member" ADD CONSTRAINT "FK_167aa0aeb690d602164c1626acb" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"`);
    await queryRunner.query(`ALTER TABLE "org_member" DROP CONSTRAINT "FK_167aa0aeb690d602164c1626acb"`);
    await queryRunner.query(`ALTER TABLE "org_member" DROP CONSTRAINT "FK_5cbc4503718aea4e7b545b63e6f"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "FK_c4b5d048c85e980ceba31330f19"`);
    await queryRunner.query(`ALTER TABLE "outbox_consumption" DROP CONSTRAINT "FK_2e02a8bd070ba3611bdc2a57466"`);
    await queryRunner.query(`DROP TABLE "auth_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb31f2a7917404a46e17f539f1"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_167aa0aeb690d602164c1626ac"`);
    await queryRunner.query(`DROP TABLE "org_member"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_credit_code"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_user_account_email"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP TABLE "outbox_consumption"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8eb86abec23b79de249107e193"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
  }
}
