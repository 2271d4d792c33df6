import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '@app/core';
import type { PlatformRole } from '@app/database';
import { Forbidden, Unauthenticated } from '@app/domain';
import type { AuthUser } from './auth-user';
import { ROLES } from './decorators';
import { TokenService } from './tokens.service';
import { UserRateLimits } from './user-rate-limits';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads a `Bearer` token from an Authorization header value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9\-_.]+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

/**
 * Secure by default: every HTTP route needs a valid access token unless marked @Public(). A write to
 * such a route also takes from its user's rate limit (the open routes are throttled per address).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly limits: UserRateLimits,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<{ method: string; headers: Record<string, unknown>; user?: AuthUser }>();
    const token = bearerToken(request.headers.authorization);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // Open routes still learn who is calling when a valid token comes along.
      if (token) {
        try {
          request.user = this.tokens.verifyAccess(token);
        } catch {
          request.user = undefined;
        }
      }
      return true;
    }
    if (!token) throw new Unauthenticated('TOKEN_MISSING', 'Sign in: this route needs a Bearer access token');
    request.user = this.tokens.verifyAccess(token);
    const roles = this.reflector.getAllAndOverride<PlatformRole[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.some((role) => request.user?.roles.includes(role))) {
      throw new Forbidden('ROLE_REQUIRED', `This needs the ${roles.join(' or ')} role`);
    }
    if (WRITES.has(request.method)) this.limits.write(request.user.id);
    return true;
  }
}
