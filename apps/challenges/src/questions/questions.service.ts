import { Inject, Injectable } from '@nestjs/common';
import { assertBelowCap, AuthUser, authorize } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ChallengeQuestionEntity } from '@app/database';
import { ChallengeStatus, Conflict, Forbidden, NotFound } from '@app/domain';
import { Brackets, DataSource } from 'typeorm';
import { ChallengeAccess, VisibleChallenge } from '../access/challenge-access.service';
import { AnswerQuestionDto, AskQuestionDto, QuestionView } from './dto/question.dto';

function toQuestionView(row: ChallengeQuestionEntity, userId: string | null): QuestionView {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    askedAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    mine: userId !== null && row.askedBy === userId,
  };
}

/** Questions are asked and answered while bidding is open: after closesAt nothing can change a bid any more. */
function assertOpenForQuestions(challenge: VisibleChallenge): void {
  if (challenge.status !== ChallengeStatus.PUBLISHED) {
    throw new Conflict('QUESTIONS_CLOSED', `Clarification questions are open while the challenge is published, not when it is ${challenge.status}`, {
      status: challenge.status,
    });
  }
}

/** Clarification Q&A: solvers ask anonymously, the enterprise answers for everyone. */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChallengeAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  ask(user: AuthUser, challengeId: string, dto: AskQuestionDto): Promise<QuestionView> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.access.visible(challengeId, await this.access.reader(user, manager), manager);
      if (challenge.relation.ownerOrg) throw new Forbidden('OWNER_CANNOT_ASK', 'The posting organisation answers questions; it does not ask them');
      assertOpenForQuestions(challenge);
      await assertBelowCap(manager, user.id, {
        what: 'questions on one challenge',
        code: 'QUESTION_LIMIT_REACHED',
        limit: this.config.caps.questionsPerUserPerChallenge,
        count: 'SELECT count(*)::int AS n FROM challenge_question WHERE asked_by = $1 AND challenge_id = $2',
        params: [challengeId],
      });
      const row = await manager.save(
        manager.create(ChallengeQuestionEntity, { challengeId, askedBy: user.id, question: dto.question, answer: null, answeredBy: null, answeredAt: null }),
      );
      return toQuestionView(row, user.id);
    });
  }

  answer(user: AuthUser, challengeId: string, questionId: string, dto: AnswerQuestionDto): Promise<QuestionView> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.access.visible(challengeId, await this.access.reader(user, manager), manager);
      authorize(challenge.relation.ownerOrg, 'NOT_CHALLENGE_OWNER', 'Only the organisation that posted the challenge answers its questions');
      const question = await manager.findOne(ChallengeQuestionEntity, {
        where: { id: questionId, challengeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!question) throw new NotFound('Question');
      if (question.answer !== null) throw new Conflict('QUESTION_ALREADY_ANSWERED', 'This question has been answered already');
      assertOpenForQuestions(challenge);
      await manager.query('UPDATE challenge_question SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1', [
        questionId,
        dto.answer,
        user.id,
      ]);
      return toQuestionView(await manager.findOneByOrFail(ChallengeQuestionEntity, { id: questionId }), user.id);
    });
  }

  /** Answered questions for everyone who sees the challenge; unanswered ones only for the owner and the asker. */
  async list(user: AuthUser | null, challengeId: string): Promise<QuestionView[]> {
    const manager = this.dataSource.manager;
    const challenge = await this.access.visible(challengeId, await this.access.reader(user, manager), manager);
    const query = manager
      .getRepository(ChallengeQuestionEntity)
      .createQueryBuilder('q')
      .where('q.challenge_id = :challengeId', { challengeId })
      .orderBy('q.created_at', 'ASC')
      .addOrderBy('q.id', 'ASC');
    if (!challenge.relation.ownerOrg) {
      query.andWhere(
        new Brackets((or) => {
          or.where('q.answer IS NOT NULL');
          if (user) or.orWhere('q.asked_by = :userId', { userId: user.id });
        }),
      );
    }
    return (await query.getMany()).map((row) => toQuestionView(row, user?.id ?? null));
  }
}
