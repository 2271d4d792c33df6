import { randomBytes, randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';

/** The secret both the platform and the baselines are started with. */
export const BENCH_JWT_SECRET = `bench-${randomBytes(24).toString('base64url')}`;

/**
 * An access token exactly as libs/auth/src/tokens.service.ts signs it (HS256, aud jiebang-api,
 * iss jiebang, sub = user id, roles, sid = a session never revoked), valid for two hours so a long
 * run never sees it expire.
 */
export function accessToken(userId: string, roles: string[] = []): string {
  return sign({ roles, sid: randomUUID() }, BENCH_JWT_SECRET, {
    algorithm: 'HS256',
    subject: userId,
    audience: 'jiebang-api',
    issuer: 'jiebang',
    expiresIn: 2 * 60 * 60,
  });
}
