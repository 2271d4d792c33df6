import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A drawn panel: the draw of a challenge (its commitment, then its result, never changed after),
 * the alternates that replaced a drawn judge in a room, and how each room's panel was chosen.
 */
export class PanelDraw1795950000000 implements MigrationInterface {
  name = 'PanelDraw1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "panel_draw" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "size" integer NOT NULL, "alternates" integer NOT NULL,
        "fields" text array NOT NULL, "cap_rooms" integer NOT NULL, "cap_days" integer NOT NULL, "seed" text NOT NULL, "seed_hash" text NOT NULL,
        "pool" uuid array NOT NULL, "pool_hash" text NOT NULL, "exclusions" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'COMMITTED',
        "panel" uuid array, "drawn_alternates" uuid array, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "ran_by" uuid, "ran_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_panel_draw" PRIMARY KEY ("id"),
        CONSTRAINT "uq_panel_draw_challenge" UNIQUE ("challenge_id"),
        CONSTRAINT "FK_panel_draw_challenge" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id"),
        CONSTRAINT "ck_panel_draw_status" CHECK (status IN ('COMMITTED', 'RUN')),
        CONSTRAINT "ck_panel_draw_size" CHECK (size BETWEEN 3 AND 15 AND size % 2 = 1 AND alternates BETWEEN 0 AND 15),
        CONSTRAINT "ck_panel_draw_result" CHECK ((status = 'COMMITTED' AND panel IS NULL AND drawn_alternates IS NULL AND ran_at IS NULL AND ran_by IS NULL)
          OR (status = 'RUN' AND panel IS NOT NULL AND drawn_alternates IS NOT NULL AND ran_at IS NOT NULL AND ran_by IS NOT NULL)))`,
    );
    // The commitment is never changed and the result is written once: COMMITTED -> RUN, the rest as it was; no DELETE.
    await queryRunner.query(`CREATE FUNCTION "panel_draw_write_once"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'COMMITTED' OR NEW.status <> 'RUN'
           OR ROW(NEW.id, NEW.challenge_id, NEW.size, NEW.alternates, NEW.fields, NEW.cap_rooms, NEW.cap_days, NEW.seed, NEW.seed_hash,
                  NEW.pool, NEW.pool_hash, NEW.exclusions, NEW.created_by, NEW.created_at)
              IS DISTINCT FROM ROW(OLD.id, OLD.challenge_id, OLD.size, OLD.alternates, OLD.fields, OLD.cap_rooms, OLD.cap_days, OLD.seed, OLD.seed_hash,
                  OLD.pool, OLD.pool_hash, OLD.exclusions, OLD.created_by, OLD.created_at) THEN
          RAISE EXCEPTION 'panel_draw is written once: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "panel_draw_write_once" BEFORE UPDATE OR DELETE ON "panel_draw" FOR EACH ROW EXECUTE FUNCTION "panel_draw_write_once"()`);

    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD "draw_id" uuid`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD "hand_picked_reason" text`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "uq_evaluation_room_draw" UNIQUE ("draw_id")`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "FK_evaluation_room_draw" FOREIGN KEY ("draw_id") REFERENCES "panel_draw"("id")`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" ADD CONSTRAINT "ck_evaluation_room_panel_selection" CHECK (draw_id IS NULL OR hand_picked_reason IS NULL)`);

    await queryRunner.query(
      `CREATE TABLE "room_panel_replacement" ("room_id" uuid NOT NULL, "seq" integer NOT NULL, "judge_id" uuid NOT NULL, "alternate_id" uuid NOT NULL,
        "reason" text NOT NULL, "replaced_by" uuid NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_room_panel_replacement" PRIMARY KEY ("room_id", "seq"),
        CONSTRAINT "FK_room_panel_replacement_room" FOREIGN KEY ("room_id") REFERENCES "evaluation_room"("id") ON DELETE CASCADE)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "room_panel_replacement"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "ck_evaluation_room_panel_selection"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "FK_evaluation_room_draw"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP CONSTRAINT "uq_evaluation_room_draw"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP COLUMN "hand_picked_reason"`);
    await queryRunner.query(`ALTER TABLE "evaluation_room" DROP COLUMN "draw_id"`);
    await queryRunner.query(`DROP TRIGGER "panel_draw_write_once" ON "panel_draw"`);
    await queryRunner.query(`DROP FUNCTION "panel_draw_write_once"()`);
    await queryRunner.query(`DROP TABLE "panel_draw"`);
  }
}
