/**
 * Whether a socket handshake's Origin may open a connection. Browsers always send Origin on a
 * WebSocket handshake; other clients (servers, tests, mobile apps) usually do not, and carry
 * their token themselves, so an absent Origin is allowed. A browser origin must be one of
 * CORS_ORIGINS or the service's own origin (same-origin web client, e.g. the platform app or
 * behind nginx, which passes Host on).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined || origin === '') return true;
  if (allowed.includes(origin)) return true;
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
