import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ValidationFailed } from '@app/domain';
import { DataSource } from 'typeorm';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './password';
import { isCommonPassword } from './password-policy';
import { UserRepository } from './user.repository';

/**
 * Makes sure an account with this email exists and holds ADMIN. An existing
 * account gains the role and keeps its password; a new one gets `password`.
 */
export async function ensureAdmin(
  dataSource: DataSource,
  email: string,
  password: string,
  displayName = 'Platform admin',
): Promise<'created' | 'promoted' | 'unchanged'> {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw ValidationFailed.field('password', `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
  if (isCommonPassword(password)) throw ValidationFailed.field('password', 'is one of the most common passwords; choose another');
  const users = new UserRepository(dataSource.manager);
  const existing = await users.idByEmail(email);
  if (existing) {
    if (existing.admin) return 'unchanged';
    await users.grantRole(existing.id, 'ADMIN');
    return 'promoted';
  }
  await users.insertAdmin(email, displayName, await hashPassword(password));
  return 'created';
}

/** ADMIN_EMAIL / ADMIN_PASSWORD at start: the first admin. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin) return;
    const outcome = await ensureAdmin(this.dataSource, this.config.admin.email, this.config.admin.password);
    if (outcome !== 'unchanged') this.logger.log(`admin ${this.config.admin.email} ${outcome}`);
  }
}
