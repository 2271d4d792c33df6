import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { Conflict, sha256Hex, Unauthenticated } from '@app/domain';
import { isUniqueViolation, RefreshTokenEntity, UserEntity } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { LoginDto, MeView, RegisterDto, SessionView, UserView } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './password';
import { SessionRevocations } from './session-revocations';
import { ThrottleService } from './throttle.service';
import { TokenService } from './tokens.service';

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
      const taken = await manager.query('SELECT 1 FROM user_account WHERE lower(email) = lower($1)', [dto.email]);
      if (taken.length > 0) throw new Conflict('EMAIL_TAKEN', 'An account with this email already exists');
      try {
        return await manager.save(
          manager.create(UserEntity, {
            email: dto.email,
            displayName: dto.displayName,
            locale: dto.locale ?? 'zh-CN',
            passwordHash,
            roles: [],
          }),
        );
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
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email: dto.email })
      .getOne();
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
      const token = await manager.findOne(RefreshTokenEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token || token.tokenHash !== sha256Hex(secret) || token.revokedAt) return { error: 'REFRESH_TOKEN_INVALID' } as const;
      if (token.usedAt) {
        await this.revokeFamily(manager, token.familyId);
        return { error: 'REFRESH_TOKEN_REUSED', familyId: token.familyId } as const;
      }
      const [{ expired }]: { expired: boolean }[] = await manager.query('SELECT $1::timestamptz <= now() AS expired', [
        token.expiresAt,
      ]);
      if (expired) return { error: 'REFRESH_TOKEN_EXPIRED' } as const;
      token.usedAt = new Date();
      await manager.save(token);
      const user = await manager.findOneByOrFail(UserEntity, { id: token.userId });
      const refreshToken = await this.issueRefreshToken(manager, user.id, token.familyId);
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
      const token = await manager.findOneBy(RefreshTokenEntity, { id });
      if (!token || token.tokenHash !== sha256Hex(secret)) return null;
      await this.revokeFamily(manager, token.familyId);
      return token.familyId;
    });
    if (familyId) this.revocations.remember(familyId);
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new Unauthenticated('USER_GONE', 'This account no longer exists');
    const memberships: { org_id: string; name: string; kind: string; role: string; verified: boolean }[] =
      await this.dataSource.query(
        `SELECT m.org_id, o.name, o.kind, m.role, o.verified_at IS NOT NULL AS verified
           FROM org_member m JOIN organisation o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY o.name`,
        [userId],
      );
    return {
      ...toUserView(user),
      organisations: memberships.map((m) => ({ orgId: m.org_id, name: m.name, kind: m.kind, role: m.role, verified: m.verified })),
      enterpriseOrgIds: memberships.filter((m) => m.verified && m.kind === 'ENTERPRISE').map((m) => m.org_id),
    };
  }

  private async startSession(user: UserEntity): Promise<SessionView> {
    const refreshToken = await this.issueRefreshToken(this.dataSource.manager, user.id, null);
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

  private async issueRefreshToken(manager: EntityManager, userId: string, familyId: string | null): Promise<IssuedRefresh> {
    const secret = this.tokens.newRefreshSecret();
    const rows: { id: string; family_id: string }[] = await manager.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
       VALUES ($1, COALESCE($2::uuid, gen_random_uuid()), $3, now() + make_interval(secs => $4)) RETURNING id, family_id`,
      [userId, familyId, sha256Hex(secret), this.config.refreshTtlSeconds],
    );
    return { token: `${rows[0].id}.${secret}`, sessionId: rows[0].family_id };
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseRefreshToken(token: string): { id: string; secret: string } {
  const [id, secret] = token.split('.');
  if (!id || !secret || !UUID.test(id)) throw new Unauthenticated('REFRESH_TOKEN_INVALID', 'The refresh token is invalid or expired');
  return { id, secret };
}
