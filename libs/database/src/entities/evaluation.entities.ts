import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Aggregation, BidSlotState, DEFAULT_AGGREGATION, DEFAULT_ENVELOPES, DrawExclusion, DrawStatus, Envelopes, PriceScoring, RoomStatus, TimerPhase } from '@app/domain';
import { OrganisationEntity, UserEntity } from './auth.entities';
import { BidEntity } from './bidding.entities';
import { ChallengeEntity, RubricCriterionRecord } from './challenges.entities';

/** A member of the expert pool (评审专家). Every expert also holds the JUDGE platform role. */
@Entity('expert')
export class ExpertEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** e.g. 教授级高级工程师 */
  @Column({ type: 'text' })
  title!: string;

  /** Fields of expertise, e.g. ['智能制造', 'sensors']. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields!: string[];

  /** The organisation the expert works for; a team of the same organisation is recused automatically. */
  @Column({ type: 'uuid', nullable: true })
  affiliationOrgId!: string | null;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'affiliation_org_id' })
  affiliationOrg?: OrganisationEntity;

  @Column({ type: 'text', default: '' })
  bio!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * An evaluation room (评审室): the panel scores one closed challenge's shortlisted bids live.
 * The row is the lock every command takes (SELECT … FOR UPDATE) and holds the state the
 * commands change; `version` is the number of the last event (= the last audit entry's seq)
 * and `chain_head` the last audit hash, so a removed tail of the record is detectable.
 */
@Entity('evaluation_room')
@Index('uq_evaluation_room_challenge', ['challengeId'], { unique: true })
@Check('ck_evaluation_room_status', "status IN ('CONVENED', 'OPEN', 'REVEALED', 'FINALIZED')")
@Check('ck_evaluation_room_aggregation', "aggregation IN ('TRIMMED_MEAN', 'MEAN', 'MEDIAN')")
@Check('ck_evaluation_room_timer_phase', "timer_phase IS NULL OR timer_phase IN ('PRESENTATION', 'QA')")
@Check('ck_evaluation_room_objection_window', 'objection_window_minutes >= 0')
@Check('ck_evaluation_room_pass_mark', 'pass_mark BETWEEN 0 AND 100')
@Check('ck_evaluation_room_winners', 'winners >= 1')
@Check('ck_evaluation_room_envelopes', "envelopes IN ('SINGLE', 'TWO')")
@Check('ck_evaluation_room_price_scoring', "price_scoring IS NULL OR price_scoring IN ('FORMULA', 'JUDGES')")
@Check(
  'ck_evaluation_room_two_envelopes',
  "(envelopes = 'SINGLE' AND price_criterion_key IS NULL AND price_scoring IS NULL AND prices_opened_at IS NULL) OR (envelopes = 'TWO' AND price_criterion_key IS NOT NULL AND price_scoring IS NOT NULL)",
)
export class EvaluationRoomEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity)
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  /** CONVENED, OPEN, REVEALED or FINALIZED (RoomStatus). */
  @Column({ type: 'text', default: 'CONVENED' })
  status!: RoomStatus;

  @Column({ type: 'uuid' })
  chairUserId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'chair_user_id' })
  chair?: UserEntity;

  /** One of AGGREGATIONS (the check above lists them as the migration wrote it). */
  @Column({ type: 'text', default: DEFAULT_AGGREGATION })
  aggregation!: Aggregation;

  @Column({ type: 'integer' })
  objectionWindowMinutes!: number;

  /** The challenge's rubric, frozen when the room was convened. */
  @Column({ type: 'jsonb' })
  rubric!: RubricCriterionRecord[];

  /** Points out of 100, frozen from the challenge. */
  @Column({ type: 'integer' })
  passMark!: number;

  /** How many bids can win, frozen from the challenge. */
  @Column({ type: 'integer' })
  winners!: number;

  /** SINGLE (every criterion at once) or TWO (technical first, prices sealed until the chair opens them). */
  @Column({ type: 'text', default: DEFAULT_ENVELOPES })
  envelopes!: Envelopes;

  /** TWO: the rubric's price criterion. */
  @Column({ type: 'text', nullable: true })
  priceCriterionKey!: string | null;

  /** TWO: FORMULA or JUDGES (PriceScoring). */
  @Column({ type: 'text', nullable: true })
  priceScoring!: PriceScoring | null;

  /** TWO: when the chair opened the prices (database clock). */
  @Column({ type: 'timestamptz', nullable: true })
  pricesOpenedAt!: Date | null;

  @Column({ type: 'bigint', default: 0 })
  version!: number;

  /** The bid on stage. */
  @Column({ type: 'uuid', nullable: true })
  currentBidId!: string | null;

  /** The countdown: which bid and phase, its full length, what remained when it was last started or paused. */
  @Column({ type: 'uuid', nullable: true })
  timerBidId!: string | null;

  /** PRESENTATION or QA. */
  @Column({ type: 'text', nullable: true })
  timerPhase!: TimerPhase | null;

  @Column({ type: 'integer', nullable: true })
  timerDurationMs!: number | null;

  @Column({ type: 'integer', nullable: true })
  timerRemainingMs!: number | null;

  /** Set while the countdown runs (database clock); null while paused. */
  @Column({ type: 'timestamptz', nullable: true })
  timerStartedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revealedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  objectionWindowEndsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finalizedAt!: Date | null;

  /** Hash of the last audit entry (GENESIS_HASH before the first). */
  @Column({ type: 'text' })
  chainHead!: string;

  /** The draw the panel came from; null when it was hand-picked. */
  @Column({ type: 'uuid', nullable: true })
  drawId!: string | null;

  /** Why the panel was hand-picked instead of drawn (null for a drawn panel, and for rooms convened before draws existed). */
  @Column({ type: 'text', nullable: true })
  handPickedReason!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A challenge's panel draw (随机抽取): the commitment (the eligible pool in canonical order, its
 * exclusions, the size, the alternates and the seed's hash) written first, the result (panel and
 * ordered alternates) written once when it is run. A trigger refuses any other change and DELETE.
 * The seed is stored from the start and shown only once the draw is run.
 */
@Entity('panel_draw')
@Check('ck_panel_draw_status', "status IN ('COMMITTED', 'RUN')")
export class PanelDrawEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_panel_draw_challenge', { unique: true })
  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity)
  @JoinColumn({ name: 'challenge_id' })
  challenge?: ChallengeEntity;

  @Column({ type: 'integer' })
  size!: number;

  /** How many ordered alternates are drawn after the panel. */
  @Column({ type: 'integer' })
  alternates!: number;

  @Column({ type: 'text', array: true })
  fields!: string[];

  /** The cap on rooms per period the eligibility used (PANEL_CAP_ROOMS per PANEL_CAP_DAYS). */
  @Column({ type: 'integer' })
  capRooms!: number;

  @Column({ type: 'integer' })
  capDays!: number;

  /** 32 random bytes, lowercase hex. */
  @Column({ type: 'text' })
  seed!: string;

  /** SHA-256 of the seed's bytes, hex. */
  @Column({ type: 'text' })
  seedHash!: string;

  /** The eligible experts' user ids, in canonical order. */
  @Column({ type: 'uuid', array: true })
  pool!: string[];

  @Column({ type: 'text' })
  poolHash!: string;

  @Column({ type: 'jsonb' })
  exclusions!: DrawExclusion[];

  /** COMMITTED or RUN (DrawStatus). */
  @Column({ type: 'text', default: 'COMMITTED' })
  status!: DrawStatus;

  @Column({ type: 'uuid', array: true, nullable: true })
  panel!: string[] | null;

  @Column({ type: 'uuid', array: true, nullable: true })
  drawnAlternates!: string[] | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  ranBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  ranAt!: Date | null;
}

/** A drawn judge replaced, while the room was convened, by the next unused alternate of its draw. */
@Entity('room_panel_replacement')
export class RoomPanelReplacementEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  /** 1, 2, … in the room. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  /** The judge who left the panel. */
  @Column({ type: 'uuid' })
  judgeId!: string;

  /** The alternate who took the seat. */
  @Column({ type: 'uuid' })
  alternateId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  replacedBy!: string;

  @Column({ type: 'timestamptz' })
  replacedAt!: Date;
}

/** The judges of a room, in panel order. The challenges service reads this table (judges see a challenge's detail). */
@Entity('room_panel_member')
@Index(['userId'])
export class RoomPanelMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'integer' })
  position!: number;
}

/** A shortlisted bid in a room: its presentation slot and the state of its scoring. */
@Entity('room_bid')
@Index(['roomId', 'position'], { unique: true })
@Check('ck_room_bid_state', "state IN ('PENDING', 'PRESENTING', 'LOCKED')")
@Check('ck_room_bid_minutes', 'presentation_minutes > 0 AND qa_minutes >= 0')
@Index(['bidId'])
export class RoomBidEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  @PrimaryColumn({ type: 'uuid' })
  bidId!: string;

  @ManyToOne(() => BidEntity)
  @JoinColumn({ name: 'bid_id' })
  bid?: BidEntity;

  /** Presentation order, from 1. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'integer' })
  presentationMinutes!: number;

  @Column({ type: 'integer' })
  qaMinutes!: number;

  /** PENDING, PRESENTING or LOCKED (BidSlotState). */
  @Column({ type: 'text', default: 'PENDING' })
  state!: BidSlotState;

  @Column({ type: 'timestamptz', nullable: true })
  presentedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lockedAt!: Date | null;
}

/** A judge's declaration (回避) on one bid: automatic recusals are written at convening. */
@Entity('room_declaration')
export class RoomDeclarationEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  @PrimaryColumn({ type: 'uuid' })
  judgeId!: string;

  @PrimaryColumn({ type: 'uuid' })
  bidId!: string;

  @Column({ type: 'boolean' })
  conflict!: boolean;

  /** True when the platform recused the judge (same organisation, team member). */
  @Column({ type: 'boolean', default: false })
  automatic!: boolean;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz' })
  declaredAt!: Date;
}

/** A judge's current scores for one bid; revisions and withdrawals are in the audit record. */
@Entity('room_score')
@Check('ck_room_score_total', 'total_centi BETWEEN 0 AND 10000')
export class RoomScoreEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  @PrimaryColumn({ type: 'uuid' })
  bidId!: string;

  @PrimaryColumn({ type: 'uuid' })
  judgeId!: string;

  /** Score per criterion key. */
  @Column({ type: 'jsonb' })
  scores!: Record<string, number>;

  /** The weighted total in centi-points (0..10000). */
  @Column({ type: 'integer' })
  totalCenti!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Set when the judge withdrew the score (it then counts for nothing). */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}

/** What an applied operation id keeps: the command, a hash of its payload, and the acknowledgement it got. */
export interface RoomOperationResult {
  command: string;
  requestHash: string;
  ack: Record<string, unknown>;
}

/** Client operation ids already applied, with the acknowledgement they got: a retry is answered, not re-applied. */
@Entity('room_operation')
export class RoomOperationEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  opId!: string;

  @Column({ type: 'jsonb' })
  result!: RoomOperationResult;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The room's append-only, hash-chained record. `hash` = SHA-256 over `prev_hash` and the
 * canonical JSON of (seq, room id, actor, action, payload, at); see @app/domain audit-chain.
 * A trigger refuses UPDATE and DELETE (created by the migration).
 */
@Entity('room_audit')
export class RoomAuditEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity)
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}

/** An objection (公示异议) by a bidding team during the objection window, and the admin's answer. */
@Entity('room_objection')
@Index(['roomId', 'createdAt'])
export class RoomObjectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roomId!: string;

  @ManyToOne(() => EvaluationRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: EvaluationRoomEntity;

  @Column({ type: 'uuid' })
  bidId!: string;

  @Column({ type: 'uuid' })
  filedBy!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
