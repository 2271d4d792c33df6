import { assertBelowCap } from '@app/auth';
import { ChallengeQuestionEntity } from '@app/database';
import { Brackets, EntityManager } from 'typeorm';

/** Clarification questions of challenges (challenge_question). */
export class QuestionRepository {
  constructor(private readonly db: EntityManager) {}

  /** Refuses with 409 QUESTION_LIMIT_REACHED a user who already asked `limit` questions on the challenge (under the per-user cap lock). */
  assertBelowAskedCap(userId: string, challengeId: string, limit: number): Promise<void> {
    return assertBelowCap(this.db, userId, {
      what: 'questions on one challenge',
      code: 'QUESTION_LIMIT_REACHED',
      limit,
      count: 'SELECT count(*)::int AS n FROM challenge_question WHERE asked_by = $1 AND challenge_id = $2',
      params: [challengeId],
    });
  }

  ask(challengeId: string, askedBy: string, question: string): Promise<ChallengeQuestionEntity> {
    return this.db.save(
      this.db.create(ChallengeQuestionEntity, { challengeId, askedBy, question, answer: null, answeredBy: null, answeredAt: null }),
    );
  }

  /** The challenge's question, locked for update (use inside a transaction). */
  lock(challengeId: string, questionId: string): Promise<ChallengeQuestionEntity | null> {
    return this.db.findOne(ChallengeQuestionEntity, { where: { id: questionId, challengeId }, lock: { mode: 'pessimistic_write' } });
  }

  async answer(questionId: string, answer: string, answeredBy: string): Promise<void> {
    await this.db.query('UPDATE challenge_question SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1', [
      questionId,
      answer,
      answeredBy,
    ]);
  }

  byIdOrFail(questionId: string): Promise<ChallengeQuestionEntity> {
    return this.db.findOneByOrFail(ChallengeQuestionEntity, { id: questionId });
  }

  /** The challenge's questions in the order asked: all of them, or (`all` false) the answered ones and those `askerId` asked. */
  list(challengeId: string, filter: { all: boolean; askerId: string | null }): Promise<ChallengeQuestionEntity[]> {
    const query = this.db
      .getRepository(ChallengeQuestionEntity)
      .createQueryBuilder('q')
      .where('q.challenge_id = :challengeId', { challengeId })
      .orderBy('q.created_at', 'ASC')
      .addOrderBy('q.id', 'ASC');
    if (!filter.all) {
      const askerId = filter.askerId;
      query.andWhere(
        new Brackets((or) => {
          or.where('q.answer IS NOT NULL');
          if (askerId !== null) or.orWhere('q.asked_by = :userId', { userId: askerId });
        }),
      );
    }
    return query.getMany();
  }
}
