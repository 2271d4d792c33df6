import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Membership by consent (docs/integrity.md): adding someone to a team or an organisation makes an
 * invitation; only the invitee's acceptance makes the membership. One table per owner
 * (team_invitation: apps/bidding, org_invitation: libs/auth); at most one pending invitation per
 * person and team or organisation; a decision (accepted, declined, revoked) says who made it and when.
 */
export class MembershipByConsent1795940000000 implements MigrationInterface {
  name = 'MembershipByConsent1795940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, subject, reference, role } of INVITATION_TABLES) {
      await queryRunner.query(
        `CREATE TABLE "${table}" (
           "id" uuid NOT NULL DEFAULT gen_random_uuid(),
           "${subject}" uuid NOT NULL REFERENCES "${reference}"("id") ON DELETE CASCADE,
           "invitee_id" uuid NOT NULL REFERENCES "user_account"("id") ON DELETE CASCADE,
           "role" text NOT NULL,
           "invited_by" uuid NOT NULL REFERENCES "user_account"("id") ON DELETE CASCADE,
           "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
           "status" text NOT NULL DEFAULT 'PENDING',
           "decided_by" uuid REFERENCES "user_account"("id") ON DELETE SET NULL,
           "decided_at" TIMESTAMP WITH TIME ZONE,
           CONSTRAINT "pk_${table}" PRIMARY KEY ("id"),
           CONSTRAINT "ck_${table}_role" CHECK (role IN (${role})),
           CONSTRAINT "ck_${table}_status" CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')),
           CONSTRAINT "ck_${table}_decided" CHECK ((status = 'PENDING') = (decided_at IS NULL) AND (decided_at IS NULL OR decided_at >= invited_at))
         )`,
      );
      await queryRunner.query(`CREATE UNIQUE INDEX "uq_${table}_pending" ON "${table}" ("${subject}", "invitee_id") WHERE status = 'PENDING'`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_invitee" ON "${table}" ("invitee_id", "invited_at")`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_subject" ON "${table}" ("${subject}", "invited_at")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...INVITATION_TABLES].reverse()) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}

const INVITATION_TABLES = [
  { table: 'team_invitation', subject: 'team_id', reference: 'team', role: `'LEAD', 'MEMBER'` },
  { table: 'org_invitation', subject: 'org_id', reference: 'organisation', role: `'MEMBER'` },
] as const;
