import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ActorService } from './actor.service';
import { AdminBootstrap } from './admin';
import { OutboxAdminController } from './operations/outbox-admin.controller';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { MemberLookup } from './member-lookup';
import { OrgsController } from './orgs/orgs.controller';
import { OrgsService } from './orgs/orgs.service';
import { SessionRevocations } from './session-revocations';
import { ThrottleService } from './throttle.service';
import { TokenService } from './tokens.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { UserRateLimits } from './user-rate-limits';

/** Users, organisations, sessions and the global guard; every app imports it once. */
@Global()
@Module({
  imports: [
    // The secret as a KeyObject made once: given a string, jsonwebtoken tries (and fails) to parse
    // it as a public key on every verification first (docs/performance.md, P1).
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) }),
    }),
  ],
  controllers: [AuthController, OrgsController, UsersController, OutboxAdminController],
  providers: [
    SessionRevocations,
    TokenService,
    ThrottleService,
    UserRateLimits,
    MemberLookup,
    AuthService,
    OrgsService,
    UsersService,
    ActorService,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, ActorService, UserRateLimits, MemberLookup, OrgsService],
})
export class AuthModule {}

