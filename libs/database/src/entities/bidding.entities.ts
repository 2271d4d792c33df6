import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BidContent, BidStatus, TeamKind, TeamRole } from '@app/domain';
import { OrganisationEntity, UserEntity } from './auth.entities';
import { ChallengeEntity } from './challenges.entities';

export interface MilestoneRecord {
  title: string;
  dueDay: number;
  deliverable: string;
  paymentBasisPoints: number;
}

@Entity('team')
@Check('ck_team_kind', "kind IN ('RESEARCH_GROUP', 'UNIVERSITY_LAB', 'COMPANY', 'INDIVIDUAL_EXPERT')")
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** RESEARCH_GROUP, UNIVERSITY_LAB, COMPANY or INDIVIDUAL_EXPERT. */
  @Column({ type: 'text' })
  kind!: TeamKind;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'uuid', nullable: true })
  orgId!: string | null;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'org_id' })
  org?: OrganisationEntity;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Membership history: a row per period of membership. left_at NULL is a current
 * member; the evaluation room reads every row for conflicts of interest.
 */
@Entity('team_member')
@Index(['teamId', 'userId'], { unique: true, where: 'left_at IS NULL' })
@Index(['userId'])
@Index(['teamId', 'joinedAt'])
@Check('ck_team_member_role', "role IN ('LEAD', 'MEMBER')")
@Check('ck_team_member_period', 'left_at IS NULL OR left_at >= joined_at')
export class TeamMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** LEAD or MEMBER. */
  @Column({ type: 'text' })
  role!: TeamRole;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt!: Date | null;
}

/** A team's bid on a challenge; at most one active (not WITHDRAWN) bid per team and challenge. */
@Entity('bid')
@Index('uq_bid_active_per_team', ['challengeId', 'teamId'], { unique: true, where: "status <> 'WITHDRAWN'" })
@Index(['teamId'])
@Index(['challengeId', 'status'])
@Check(
  'ck_bid_status',
  "status IN ('SUBMITTED', 'WITHDRAWN', 'SHORTLISTED', 'NOT_SHORTLISTED', 'AWARDED', 'NOT_AWARDED')",
)
export class BidEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity)
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => TeamEntity)
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'text', default: 'SUBMITTED' })
  status!: BidStatus;

  /** Number of the latest revision (1-based). */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'text' })
  technicalApproach!: string;

  /** Markdown, at most 200 KB. */
  @Column({ type: 'text' })
  proposal!: string;

  @Column({ type: 'bigint' })
  quotedPriceFen!: number;

  @Column({ type: 'integer' })
  durationDays!: number;

  @Column({ type: 'jsonb' })
  milestones!: MilestoneRecord[];

  @Column({ type: 'uuid', array: true })
  keyPersonnelUserIds!: string[];

  /** The lead who made the pledge (军令状) on the latest revision, and when. */
  @Column({ type: 'uuid' })
  pledgedBy!: string;

  @Column({ type: 'timestamptz' })
  pledgedAt!: Date;

  /** SHA-256 of the latest revision's canonical content (the receipt). */
  @Column({ type: 'text' })
  contentHash!: string;

  /** Server receive time of the latest revision, by the database clock. */
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text', nullable: true })
  shortlistReason!: string | null;

  /** Who made the shortlist decision (形式审查) and when, by the database clock. */
  @Column({ type: 'uuid', nullable: true })
  shortlistedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  shortlistedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every accepted revision of a bid, kept forever: the receipt a team can prove later. */
@Entity('bid_revision')
export class BidRevisionEntity {
  @PrimaryColumn({ type: 'uuid' })
  bidId!: string;

  @ManyToOne(() => BidEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bid_id' })
  bid?: BidEntity;

  @PrimaryColumn({ type: 'integer' })
  revision!: number;

  /** The content exactly as hashed (canonicalBidContent of it gives the hashed text). */
  @Column({ type: 'jsonb' })
  content!: BidContent;

  @Column({ type: 'text' })
  contentHash!: string;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;
}

/** Idempotency-Key records for bid creation and revision. */
@Entity('idempotency_key')
@Check('ck_idempotency_key_state', "state IN ('IN_PROGRESS', 'DONE')")
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** The route the key was used on, e.g. `POST /api/challenges/:id/bids`. */
  @Column({ type: 'text' })
  scope!: string;

  /** SHA-256 of the request body, to refuse the same key with another body (422). */
  @Column({ type: 'text' })
  requestHash!: string;

  /** IN_PROGRESS while the first request runs (a retry gets 409), then DONE with the stored answer. */
  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
