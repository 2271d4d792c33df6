import type { PlatformRole } from '@app/database';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  roles: PlatformRole[];
}
