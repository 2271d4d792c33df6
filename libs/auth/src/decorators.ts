import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { PlatformRole } from '@app/database';
import { Unauthenticated } from '@app/domain';
import type { AuthUser } from './auth-user';

export const ROLES = 'roles';

/** Restricts a route to holders of at least one of these platform roles. */
export const Roles = (...roles: PlatformRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

/** The authenticated caller (the global guard has verified the token). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
  if (!user) throw new Unauthenticated();
  return user;
});

/** On a @Public() route: the caller when a valid access token came along, else null (anonymous). */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | null => context.switchToHttp().getRequest<{ user?: AuthUser }>().user ?? null,
);
