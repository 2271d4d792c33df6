import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An event written in the same transaction as the change it announces. */
@Entity('outbox_event')
@Index(['type', 'id'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  /** Pruning deletes by age. */
  @Index('ix_outbox_event_occurred_at')
  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;
}

/** The key of a row about one consumer and one event (deleted with the event). */
abstract class ConsumerEventRow {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ type: 'bigint' })
  eventId!: string;

  @ManyToOne(() => OutboxEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: OutboxEventEntity;
}

/** One row per (consumer, event) the consumer has handled: a repeat is a no-op. */
@Entity('outbox_consumption')
export class OutboxConsumptionEntity extends ConsumerEventRow {
  @CreateDateColumn({ type: 'timestamptz' })
  handledAt!: Date;
}

/** A consumer's failures on one event: retried with back-off, then dead-lettered (no longer blocks newer events). */
@Entity('outbox_failure')
@Index('ix_outbox_failure_dead', ['consumer', 'deadAt'], { where: 'dead_at IS NOT NULL' })
export class OutboxFailureEntity extends ConsumerEventRow {
  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'text' })
  lastError!: string;

  @Column({ type: 'timestamptz' })
  lastFailedAt!: Date;

  @Column({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** Set when the attempts ran out: the event waits for an operator's retry. */
  @Column({ type: 'timestamptz', nullable: true })
  deadAt!: Date | null;
}

/** Every consumer that ever ran, with the event types it handles: handled events are pruned only once all of them are done. */
@Entity('outbox_consumer')
export class OutboxConsumerEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true })
  types!: string[];

  @Column({ type: 'timestamptz' })
  seenAt!: Date;
}
