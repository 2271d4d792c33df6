/**
 * Who an organisation is, whatever record it was registered under: its unified social credit code
 * when it is Chinese and has one, else its normalised name in its country. Two records with the
 * same identity are one organisation (conflicts of interest, duplicates); a near match is for the
 * bureau to judge.
 */
export interface OrganisationIdentity {
  /** `USCC:<code>` or `NAME:<country>:<normalised name>`. */
  key: string;
  country: string;
  normalisedName: string;
}

export interface OrganisationForIdentity {
  name: string;
  country: string;
  creditCode: string | null;
}

/** Brackets, punctuation and symbols (after NFKC, so （）【】 and full-width signs are their ASCII or CJK forms). */
const PUNCTUATION = /[\p{P}\p{S}]/gu;
/** A space next to a character written without spaces (Han, kana, Hangul): 昆明 理工大学 is 昆明理工大学. */
const SPACE_BY_CJK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]) | (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/**
 * The name as identities compare it: NFKC (全角 letters, digits and brackets become 半角), case-folded,
 * punctuation and brackets dropped (the words inside stay), white space collapsed to one space and
 * dropped next to CJK characters, trimmed.
 */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(PUNCTUATION, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(SPACE_BY_CJK, '');
}

export function organisationIdentity(org: OrganisationForIdentity): OrganisationIdentity {
  const normalisedName = normaliseOrganisationName(org.name);
  const code = org.creditCode?.trim().toUpperCase();
  const key = org.country === 'CN' && code ? `USCC:${code}` : `NAME:${org.country}:${normalisedName}`;
  return { key, country: org.country, normalisedName };
}

const hasCreditCode = (identity: OrganisationIdentity): boolean => identity.key.startsWith('USCC:');

/**
 * One organisation: the same identity key, or the same normalised name in the same country unless
 * both have a credit code (then the codes decide). A record registered without the credit code of
 * one that has it is the same organisation.
 */
export function sameOrganisation(a: OrganisationIdentity, b: OrganisationIdentity): boolean {
  if (a.key === b.key) return true;
  return !(hasCreditCode(a) && hasCreditCode(b)) && a.country === b.country && a.normalisedName === b.normalisedName;
}

export type NearMatchReason = 'SAME_NAME' | 'SIMILAR_NAME' | 'NAME_CONTAINED';

/** Names shorter than this (normalised, in code points) are too generic for the similar and contained tests. */
export const NEAR_MATCH_MIN_LENGTH = 4;
/** The largest edit distance between two normalised names that are similar. */
export const NEAR_MATCH_MAX_DISTANCE = 2;

/** Levenshtein distance in code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * Why two organisations that are not the same one may still be (for the bureau to decide), or null:
 * the same normalised name (in another country, or with another credit code), names within edit distance 2, or one name containing the other
 * (the last two only for names of at least NEAR_MATCH_MIN_LENGTH code points).
 */
export function nearMatch(a: OrganisationIdentity, b: OrganisationIdentity): NearMatchReason | null {
  if (sameOrganisation(a, b)) return null;
  if (a.normalisedName === b.normalisedName) return 'SAME_NAME';
  if ([...a.normalisedName].length < NEAR_MATCH_MIN_LENGTH || [...b.normalisedName].length < NEAR_MATCH_MIN_LENGTH) return null;
  if (editDistance(a.normalisedName, b.normalisedName) <= NEAR_MATCH_MAX_DISTANCE) return 'SIMILAR_NAME';
  if (a.normalisedName.includes(b.normalisedName) || b.normalisedName.includes(a.normalisedName)) return 'NAME_CONTAINED';
  return null;
}
