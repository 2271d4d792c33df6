import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { Conflict, sha256Hex, Unauthenticated } from '@app/domain';
import { connectionManager, isUniqueViolation, UserEntity } from '@app/database';
import { DataSource } from 'typeorm';
import { LoginDto, MeView, RegisterDto, SessionView, UserView } from './dto/auth.dto';
import { OrgRepository } from './orgs/org.repository';
import { hashPassword, verifyPassword } from './password';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionRevocations } from './session-revocations';
import { ThrottleService } from './throttle.service';
import { TokenService } from './tokens.service';
import { UserRepository } from './user.repository';

/**
 * Failures one address may make on one account before the account's back-off applies to it: a typo
 * or two by the owner never waits, however many failures others cause from elsewhere.
 */
const FAILURES_BEFORE_BACKOFF = 3;

/** A refresh token as issued: the opaque token and its session (family) id, which access tokens carry. */
interface IssuedRefresh {
  token: string;
  sessionId: string;
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Sign-up, sign-in, rotating refresh tokens with reuse detection, sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: ThrottleService,
    private readonly revocations: SessionRevocations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async throttleIp(ip: string): Promise<void> {
    await this.throttle.hit(`ip:${ip}`, this.config.throttle.attemptsPerIpPerMinute, 60);
  }

  async register(dto: RegisterDto, ip: string): Promise<SessionView> {
    await this.throttleIp(ip);
    const passwordHash = await hashPassword(dto.password);
    const user = await this.dataSource.transaction(async (manager) => {
      const users = new UserRepository(manager);
      if (await users.emailTaken(dto.email)) throw new Conflict('EMAIL_TAKEN', 'An account with this email already exists');
      try {
        return await users.create({ email: dto.email, displayName: dto.displayName, locale: dto.locale ?? 'zh-CN', passwordHash, roles: [] });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new Conflict('EMAIL_TAKEN', 'An account with this email already exists');
        }
        throw error;
      }
    });
    return this.startSession(user);
  }

  /**
   * Failed sign-ins are throttled per account *and* address (an attacker's addresses are refused,
   * the owner's are not), plus a short exponential back-off per account for addresses that have
   * failed on it several times (docs/operations.md). Every attempt counts as a failure until the
   * password is right, so parallel guesses cannot slip past; an unknown email goes the same way.
   */
  async login(dto: LoginDto, ip: string): Promise<SessionView> {
    await this.throttleIp(ip);
    const email = dto.email.toLowerCase();
    const { failedLoginsPerAccountPerAddressPerHour, loginBackoffMaxSeconds } = this.config.throttle;
    const addressKey = `login-failed:${email}:${ip}`;
    const accountKey = `login-backoff:${email}`;
    const failuresFromHere = (await this.throttle.hit(addressKey, failedLoginsPerAccountPerAddressPerHour, 3600)) - 1;
    await this.throttle.backoff(accountKey, loginBackoffMaxSeconds, failuresFromHere >= FAILURES_BEFORE_BACKOFF);
    const user = await new UserRepository(connectionManager(this.dataSource)).byEmail(dto.email);
    if (!(await verifyPassword(user?.passwordHash ?? null, dto.password)) || !user) {
      throw new Unauthenticated('INVALID_CREDENTIALS', 'The email or password is wrong');
    }
    await this.throttle.clear([addressKey, accountKey]);
    return this.startSession(user);
  }

  /** Rotates a refresh token. A token presented twice revokes its whole family (it was stolen or replayed). */
  async refresh(presented: string): Promise<SessionView> {
    const { id, secret } = parseRefreshToken(presented);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const tokens = new RefreshTokenRepository(manager);
      const token = await tokens.lockById(id);
      if (!token || token.tokenHash !== sha256Hex(secret) || token.revokedAt) return { error: 'REFRESH_TOKEN_INVALID' } as const;
      if (token.usedAt) {
        await tokens.revokeFamily(token.familyId);
        return { error: 'REFRESH_TOKEN_REUSED', familyId: token.familyId } as const;
      }
      if (await tokens.hasExpired(token.expiresAt)) return { error: 'REFRESH_TOKEN_EXPIRED' } as const;
      await tokens.markUsed(token);
      const user = await new UserRepository(manager).byIdOrFail(token.userId);
      const refreshToken = await this.issueRefreshToken(tokens, user.id, token.familyId);
      return { user, refreshToken };
    });
    if ('error' in outcome) {
      const reused = outcome.error === 'REFRESH_TOKEN_REUSED';
      if (reused) this.revocations.remember(outcome.familyId);
      throw new Unauthenticated(
        outcome.error,
        reused ? 'This refresh token was already used; every session of this sign-in is now revoked' : 'The refresh token is invalid or expired',
      );
    }
    return this.session(outcome.user, outcome.refreshToken);
  }

  /** Ends the sign-in the refresh token belongs to (its whole family). Unknown tokens are ignored. */
  async logout(presented: string): Promise<void> {
    const { id, secret } = parseRefreshToken(presented);
    const familyId = await this.dataSource.transaction(async (manager) => {
      const tokens = new RefreshTokenRepository(manager);
      const token = await tokens.byId(id);
      if (!token || token.tokenHash !== sha256Hex(secret)) return null;
      await tokens.revokeFamily(token.familyId);
      return token.familyId;
    });
    if (familyId) this.revocations.remember(familyId);
  }

  async me(userId: string): Promise<MeView> {
    const manager = connectionManager(this.dataSource);
    const user = await new UserRepository(manager).byId(userId);
    if (!user) throw new Unauthenticated('USER_GONE', 'This account no longer exists');
    const memberships = await new OrgRepository(manager).membershipsOf(userId);
    return {
      ...toUserView(user),
      organisations: memberships,
      enterpriseOrgIds: memberships.filter((m) => m.verified && m.kind === 'ENTERPRISE').map((m) => m.orgId),
    };
  }

  private async startSession(user: UserEntity): Promise<SessionView> {
    const refreshToken = await this.issueRefreshToken(new RefreshTokenRepository(connectionManager(this.dataSource)), user.id, null);
    return this.session(user, refreshToken);
  }

  private session(user: UserEntity, refresh: IssuedRefresh): SessionView {
    return {
      accessToken: this.tokens.signAccess(user.id, user.roles, refresh.sessionId),
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      user: toUserView(user),
    };
  }

  private async issueRefreshToken(tokens: RefreshTokenRepository, userId: string, familyId: string | null): Promise<IssuedRefresh> {
    const secret = this.tokens.newRefreshSecret();
    const issued = await tokens.issue(userId, familyId, sha256Hex(secret), this.config.refreshTtlSeconds);
    return { token: `${issued.id}.${secret}`, sessionId: issued.familyId };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseRefreshToken(token: string): { id: string; secret: string } {
  const [id, secret] = token.split('.');
  if (!id || !secret || !UUID.test(id)) throw new Unauthenticated('REFRESH_TOKEN_INVALID', 'The refresh token is invalid or expired');
  return { id, secret };
}
