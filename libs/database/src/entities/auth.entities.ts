import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type PlatformRole = 'ADMIN' | 'JUDGE';
export type Locale = 'zh-CN' | 'en';
export type OrgKind = 'ENTERPRISE' | 'UNIVERSITY' | 'INSTITUTE' | 'COMPANY';

@Entity('user_account')
@Index('uq_user_account_email', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** As typed by the user; uniqueness is on lower(email) (index created by migration). */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text', default: 'zh-CN' })
  locale!: Locale;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: PlatformRole[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('organisation')
@Index('ix_organisation_country_name', ['country', 'normalisedName'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrgKind;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country!: string;

  /** 统一社会信用代码, required for Chinese enterprises. */
  @Index('uq_organisation_credit_code', { unique: true, where: 'credit_code IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  creditCode!: string | null;

  /** Who the organisation is (organisation-identity.ts): `USCC:<credit code>` or `NAME:<country>:<normalised name>`. */
  @Index('ix_organisation_identity_key')
  @Column({ type: 'text' })
  identityKey!: string;

  @Column({ type: 'text' })
  normalisedName!: string;

  /** The earlier, unverified organisation with the same identity this one was registered beside (for the bureau). */
  @Column({ type: 'uuid', nullable: true })
  duplicateOf!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('org_member')
@Index(['userId'])
export class OrgMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  orgId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id' })
  org?: OrganisationEntity;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text', default: 'MEMBER' })
  role!: 'OWNER' | 'MEMBER';

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;
}

/** Rotating refresh tokens, stored as SHA-256 of the secret; one family per login. */
@Entity('refresh_token')
@Index(['familyId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  familyId!: string;

  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** Indexed where set: every instance polls the recent revocations (libs/auth session-revocations.ts). */
  @Index('ix_refresh_token_revoked_at', { where: 'revoked_at IS NOT NULL' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Throttle counters (libs/auth throttle.service.ts): fixed windows and back-offs, by key; pruned after an hour unused. */
@Entity('auth_throttle')
export class AuthThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'integer' })
  attempts!: number;
}
