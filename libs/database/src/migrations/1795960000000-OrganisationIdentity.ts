import { organisationIdentity } from '@app/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations are who they are: each organisation's identity (its credit code, else its
 * normalised name in its country) and, for one registered while another with that identity
 * existed unverified, the earlier one it duplicates. Existing rows get their identity computed
 * by the same rule the service applies.
 */
export class OrganisationIdentity1795960000000 implements MigrationInterface {
  name = 'OrganisationIdentity1795960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "identity_key" text, ADD "normalised_name" text, ADD "duplicate_of" uuid`);
    const rows: { id: string; name: string; country: string; credit_code: string | null }[] = await queryRunner.query(
      `SELECT id, name, country, credit_code FROM organisation`,
    );
    for (const row of rows) {
      const identity = organisationIdentity({ name: row.name, country: row.country, creditCode: row.credit_code });
      await queryRunner.query(`UPDATE organisation SET identity_key = $2, normalised_name = $3 WHERE id = $1`, [row.id, identity.key, identity.normalisedName]);
    }
    await queryRunner.query(`ALTER TABLE "organisation" ALTER "identity_key" SET NOT NULL, ALTER "normalised_name" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "FK_organisation_duplicate_of" FOREIGN KEY ("duplicate_of") REFERENCES "organisation"("id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_organisation_identity_key" ON "organisation" ("identity_key")`);
    await queryRunner.query(`CREATE INDEX "ix_organisation_country_name" ON "organisation" ("country", "normalised_name")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_organisation_country_name"`);
    await queryRunner.query(`DROP INDEX "ix_organisation_identity_key"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "FK_organisation_duplicate_of"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "duplicate_of", DROP COLUMN "normalised_name", DROP COLUMN "identity_key"`);
  }
}
