import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@app/core';
import { Unauthenticated } from '@app/domain';
import type { PlatformRole } from '@app/database';
import type { AuthUser } from './auth-user';

const ALGORITHM = 'HS256';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Signs and verifies access tokens (with AuthModule's secret key); the one verification used by HTTP and socket handshakes. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTtlSeconds(): number {
    return this.config.jwt.accessTtlSeconds;
  }

  signAccess(userId: string, roles: PlatformRole[]): string {
    return this.jwt.sign(
      { roles },
      {
        algorithm: ALGORITHM,
        subject: userId,
        audience: this.config.jwt.audience,
        issuer: this.config.jwt.issuer,
        expiresIn: this.config.jwt.accessTtlSeconds,
      },
    );
  }

  /** Algorithm pinned; signature, `exp`, `aud` and `iss` all checked. Throws Unauthenticated. */
  verifyAccess(token: string): AuthUser {
    let claims: { sub?: unknown; roles?: unknown };
    try {
      claims = this.jwt.verify(token, {
        algorithms: [ALGORITHM],
        audience: this.config.jwt.audience,
        issuer: this.config.jwt.issuer,
      });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new Unauthenticated(expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', expired ? 'The access token has expired' : 'The access token is invalid');
    }
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) {
      throw new Unauthenticated('TOKEN_INVALID', 'The access token is invalid');
    }
    return { id: claims.sub, roles: claims.roles.filter((r): r is PlatformRole => r === 'ADMIN' || r === 'JUDGE') };
  }

  /** An opaque refresh token `<id>.<secret>`; only the secret's SHA-256 is stored. */
  newRefreshSecret(): string {
    return randomBytes(32).toString('base64url');
  }
}
