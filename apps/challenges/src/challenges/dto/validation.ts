import { Matches } from 'class-validator';

const TIME_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 timestamp must say its time zone, so that nobody's deadline depends on the server's. */
export const WithTimeZone = (field: string) =>
  Matches(TIME_ZONE, { message: `${field} must be an ISO 8601 timestamp with a time zone, e.g. 2025-06-30T16:00:00Z` });

/** The date of a timestamp with a time zone; null for anything else (its own validators report it). */
export function parsableDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !TIME_ZONE.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
