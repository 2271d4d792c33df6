import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ChallengeStatus, DEFAULT_PASS_MARK, Eligibility } from '@app/domain';
import { OrganisationEntity, UserEntity } from './auth.entities';

export interface IndicatorRecord {
  name: string;
  target: string;
  unit: string;
  measurement: string;
}

export interface RubricCriterionRecord {
  key: string;
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

/** A challenge (榜单 entry) as it stands now; every published version is also kept in challenge_version. */
@Entity('challenge')
@Index(['orgId', 'createdAt'])
@Index('ix_challenge_title_trgm', { synchronize: false })
@Index('ix_challenge_summary_trgm', { synchronize: false })
@Index('ix_challenge_listing', { synchronize: false })
/** The close job's work list: published challenges by deadline. */
@Index('ix_challenge_due_to_close', ['closesAt'], { where: "status = 'PUBLISHED'" })
@Check('ck_challenge_reward_positive', '"reward_fen" > 0')
@Check('ck_challenge_winners', '"winners" >= 1')
@Check('ck_challenge_pass_mark', '"pass_mark" BETWEEN 0 AND 100')
@Check('ck_challenge_window', '"closes_at" > "opens_at"')
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  orgId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'org_id' })
  org?: OrganisationEntity;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  /** Stored status; PUBLISHED past closes_at reads as CLOSED (effectiveChallengeStatus) until the job persists it. */
  @Column({ type: 'text', default: 'DRAFT' })
  status!: ChallengeStatus;

  /** Current version number; 1 until the first amendment after publication. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  /** Confidential detail: behind the NDA when nda_required. */
  @Column({ type: 'text' })
  detail!: string;

  @Column({ type: 'text' })
  industryField!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'jsonb' })
  indicators!: IndicatorRecord[];

  @Column({ type: 'bigint' })
  rewardFen!: number;

  @Column({ type: 'integer', default: 1 })
  winners!: number;

  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text', default: 'OPEN' })
  eligibility!: Eligibility;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  invitedTeamIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  invitedOrgIds!: string[];

  @Column({ type: 'text' })
  ipTerms!: string;

  @Column({ type: 'boolean', default: false })
  ndaRequired!: boolean;

  /** Points out of 100 a bid needs to be able to win. */
  @Column({ type: 'integer', default: DEFAULT_PASS_MARK })
  passMark!: number;

  @Column({ type: 'jsonb' })
  rubric!: RubricCriterionRecord[];

  @Column({ type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every published version of a challenge, with the change note of the amendment that made it. */
@Entity('challenge_version')
export class ChallengeVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** The challenge's terms as of this version (title, summary, detail, indicators, reward, window, rubric, ...). */
  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  changeNote!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Clarification Q&A: answers are public to all who see the challenge; the asker stays anonymous. */
@Entity('challenge_question')
@Index(['challengeId', 'createdAt'])
export class ChallengeQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @Column({ type: 'uuid' })
  askedBy!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A team lead's acceptance of a challenge's NDA: who, for which team, which version, when. */
@Entity('nda_acceptance')
@Index(['challengeId', 'teamId'], { unique: true })
export class NdaAcceptanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  acceptedAt!: Date;
}
