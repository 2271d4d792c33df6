import { Unauthenticated } from '@app/domain';
import type { AuthUser } from './auth-user';
import { bearerToken } from './auth.guard';
import type { TokenService } from './tokens.service';

interface Handshake {
  auth?: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Authenticates a socket.io handshake with the same verification as HTTP:
 * the token comes in `auth.token` (as socket.io-client sends it) or an
 * `Authorization: Bearer` header.
 */
export function authenticateHandshake(tokens: TokenService, handshake: Handshake): AuthUser {
  const fromAuth = handshake.auth?.token;
  const token = typeof fromAuth === 'string' ? fromAuth.replace(/^Bearer\s+/i, '') : bearerToken(handshake.headers.authorization);
  if (!token) throw new Unauthenticated('TOKEN_MISSING', 'Connect with auth: { token } holding an access token');
  return tokens.verifyAccess(token);
}
