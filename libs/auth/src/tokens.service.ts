import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@app/core';
import { Unauthenticated } from '@app/domain';
import type { PlatformRole } from '@app/database';
import type { AuthUser } from './auth-user';
import { SessionRevocations } from './session-revocations';

const ALGORITHM = 'HS256';

const invalid = () => new Unauthenticated('TOKEN_INVALID', 'The access token is invalid');

/**
 * Signs and verifies access tokens (with AuthModule's secret key); the one verification used by
 * HTTP, socket handshakes and every socket message. A token names its session (`sid`, the refresh
 * token family), so ending the session ends the token.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly revocations: SessionRevocations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTtlSeconds(): number {
    return this.config.jwt.accessTtlSeconds;
  }

  signAccess(userId: string, roles: PlatformRole[], sessionId: string): string {
    return this.jwt.sign(
      { roles, sid: sessionId },
      {
        algorithm: ALGORITHM,
        subject: userId,
        audience: this.config.jwt.audience,
        issuer: this.config.jwt.issuer,
        expiresIn: this.config.jwt.accessTtlSeconds,
      },
    );
  }

  /** Algorithm pinned; signature, `aud` and `iss` checked; `exp` required; the session not revoked. Throws Unauthenticated. */
  verifyAccess(token: string): AuthUser {
    let claims: { sub?: unknown; roles?: unknown; sid?: unknown; exp?: unknown };
    try {
      claims = this.jwt.verify(token, {
        algorithms: [ALGORITHM],
        audience: this.config.jwt.audience,
        issuer: this.config.jwt.issuer,
      });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw expired ? new Unauthenticated('TOKEN_EXPIRED', 'The access token has expired') : invalid();
    }
    // jsonwebtoken accepts a token without `exp` as never expiring.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !Array.isArray(claims.roles)) {
      throw invalid();
    }
    if (this.revocations.isRevoked(claims.sid)) throw new Unauthenticated('TOKEN_REVOKED', 'This sign-in has ended; sign in again');
    return { id: claims.sub, roles: claims.roles.filter((r): r is PlatformRole => r === 'ADMIN' || r === 'JUDGE') };
  }

  /** An opaque refresh token `<id>.<secret>`; only the secret's SHA-256 is stored. */
  newRefreshSecret(): string {
    return randomBytes(32).toString('base64url');
  }
}
