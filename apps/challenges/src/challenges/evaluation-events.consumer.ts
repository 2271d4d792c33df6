import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher, publishEvent } from '@app/database';
import { ChallengeStatus, transitionChallenge } from '@app/domain';
import { EntityManager } from 'typeorm';
import { ChallengeAccess, LoadedChallenge } from '../access/challenge-access.service';
import { ChallengeRepository } from './challenge.repository';

export const CHALLENGES_CONSUMER = 'challenges';

const { PUBLISHED, CLOSED, EVALUATING, AWARDED, IN_DELIVERY, COMPLETED, FAILED } = ChallengeStatus;

/** Where a repeated event finds the challenge: it has moved on already, and the event is a no-op. */
const PAST_EVALUATION_START: readonly ChallengeStatus[] = [EVALUATING, AWARDED, IN_DELIVERY, COMPLETED, FAILED];
const PAST_AWARD: readonly ChallengeStatus[] = [AWARDED, IN_DELIVERY, COMPLETED, FAILED];

/**
 * Follows the evaluation service: evaluation.started moves a closed challenge to EVALUATING,
 * evaluation.finalized moves it to AWARDED. Handlers check the current state under a row lock, so a
 * repeat is a no-op; an event that cannot apply (the challenge was cancelled, say) is logged and dropped,
 * since retrying would not make it apply.
 */
@Injectable()
export class EvaluationEventsConsumer implements OnModuleInit {
  private readonly logger = new Logger(EvaluationEventsConsumer.name);

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly access: ChallengeAccess,
  ) {}

  onModuleInit(): void {
    this.dispatcher.subscribe(CHALLENGES_CONSUMER, 'evaluation.started', (event, manager) =>
      this.evaluationStarted(event.payload.challengeId, manager),
    );
    this.dispatcher.subscribe(CHALLENGES_CONSUMER, 'evaluation.finalized', (event, manager) =>
      this.evaluationFinalized(event.payload.challengeId, manager),
    );
  }

  async evaluationStarted(challengeId: string, manager: EntityManager): Promise<void> {
    const challenge = await this.access.load(challengeId, manager, true);
    if (!challenge) return this.drop('evaluation.started', challengeId, 'no such challenge');
    if (PAST_EVALUATION_START.includes(challenge.status)) return;
    if (challenge.status !== CLOSED) return this.drop('evaluation.started', challengeId, `it is ${challenge.status}`);
    await this.persistClosed(challenge, manager);
    await new ChallengeRepository(manager).setStatus(challengeId, transitionChallenge(CLOSED, 'startEvaluation'));
  }

  async evaluationFinalized(challengeId: string, manager: EntityManager): Promise<void> {
    const challenge = await this.access.load(challengeId, manager, true);
    if (!challenge) return this.drop('evaluation.finalized', challengeId, 'no such challenge');
    if (PAST_AWARD.includes(challenge.status)) return;
    if (challenge.status === CLOSED) {
      // evaluation.started has not been applied yet (it failed and waits for its retry): apply it first.
      await this.evaluationStarted(challengeId, manager);
    } else if (challenge.status !== EVALUATING) {
      return this.drop('evaluation.finalized', challengeId, `it is ${challenge.status}`);
    }
    await new ChallengeRepository(manager).setStatus(challengeId, transitionChallenge(EVALUATING, 'award'));
  }

  /** A challenge still stored as PUBLISHED past its deadline is closed here, as the close job would (it holds the row lock). */
  private async persistClosed(challenge: LoadedChallenge, manager: EntityManager): Promise<void> {
    if (challenge.entity.status !== PUBLISHED) return;
    await new ChallengeRepository(manager).markClosed(challenge.entity.id, transitionChallenge(PUBLISHED, 'close'));
    await publishEvent(manager, 'challenge.closed', { challengeId: challenge.entity.id, closedAt: challenge.entity.closesAt.toISOString() });
  }

  private drop(type: string, challengeId: string, why: string): void {
    this.logger.warn(`ignoring ${type} for challenge ${challengeId}: ${why}`);
  }
}
