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

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;
}

/** One row per (consumer, event) the consumer has handled: a repeat is a no-op. */
@Entity('outbox_consumption')
export class OutboxConsumptionEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ type: 'bigint' })
  eventId!: string;

  @ManyToOne(() => OutboxEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: OutboxEventEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  handledAt!: Date;
}
