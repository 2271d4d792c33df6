import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ActorService } from './actor.service';
import { AdminBootstrap } from './admin';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OrgsController } from './orgs/orgs.controller';
import { OrgsService } from './orgs/orgs.service';
import { ThrottleService } from './throttle.service';
import { TokenService } from './tokens.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Users, organisations, sessions and the global guard; every app imports it once. */
@Global()
@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController, OrgsController, UsersController],
  providers: [
    TokenService,
    ThrottleService,
    AuthService,
    OrgsService,
    UsersService,
    ActorService,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, ActorService],
})
export class AuthModule {}

