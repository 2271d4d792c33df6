import type { OrganisationOnRecord } from '@app/domain';

/** An organisation with its identity as a query reads it from auth's organisation, joined as `o` (LEFT JOIN: the columns are null without one). */
export const ORG_ON_RECORD_COLUMNS = `o.id AS org_ref_id, o.name AS org_ref_name, o.verified_at IS NOT NULL AS org_ref_verified,
  o.identity_key AS org_ref_key, o.country AS org_ref_country, o.normalised_name AS org_ref_normalised_name`;

export interface OrgOnRecordRow {
  org_ref_id: string | null;
  org_ref_name: string | null;
  org_ref_verified: boolean | null;
  org_ref_key: string | null;
  org_ref_country: string | null;
  org_ref_normalised_name: string | null;
}

/** The organisation read with ORG_ON_RECORD_COLUMNS, or null when there is none. */
export function orgOnRecordOf(row: OrgOnRecordRow): OrganisationOnRecord | null {
  if (row.org_ref_id === null || row.org_ref_key === null || row.org_ref_country === null || row.org_ref_normalised_name === null) return null;
  return {
    id: row.org_ref_id,
    name: row.org_ref_name ?? '',
    verified: row.org_ref_verified === true,
    key: row.org_ref_key,
    country: row.org_ref_country,
    normalisedName: row.org_ref_normalised_name,
  };
}
