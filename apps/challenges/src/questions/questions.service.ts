import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, authorize } from '@app/auth';
import { APP_CONFIG, AppConfig } from '@app/core';
import { ChallengeQuestionEntity, connectionManager } from '@app/database';
import { ChallengeStatus, Conflict, Forbidden, NotFound } from '@app/domain';
import { DataSource } from 'typeorm';
import { ChallengeAccess, VisibleChallenge } from '../access/challenge-access.service';
import { AnswerQuestionDto, AskQuestionDto, QuestionView } from './dto/question.dto';
import { QuestionRepository } from './question.repository';

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
      const questions = new QuestionRepository(manager);
      await questions.assertBelowAskedCap(user.id, challengeId, this.config.caps.questionsPerUserPerChallenge);
      return toQuestionView(await questions.ask(challengeId, user.id, dto.question), user.id);
    });
  }

  answer(user: AuthUser, challengeId: string, questionId: string, dto: AnswerQuestionDto): Promise<QuestionView> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.access.visible(challengeId, await this.access.reader(user, manager), manager);
      authorize(challenge.relation.ownerOrg, 'NOT_CHALLENGE_OWNER', 'Only the organisation that posted the challenge answers its questions');
      const questions = new QuestionRepository(manager);
      const question = await questions.lock(challengeId, questionId);
      if (!question) throw new NotFound('Question');
      if (question.answer !== null) throw new Conflict('QUESTION_ALREADY_ANSWERED', 'This question has been answered already');
      assertOpenForQuestions(challenge);
      await questions.answer(questionId, dto.answer, user.id);
      return toQuestionView(await questions.byIdOrFail(questionId), user.id);
    });
  }

  /** Answered questions for everyone who sees the challenge; unanswered ones only for the owner and the asker. */
  async list(user: AuthUser | null, challengeId: string): Promise<QuestionView[]> {
    const manager = connectionManager(this.dataSource);
    const challenge = await this.access.visible(challengeId, await this.access.reader(user, manager), manager);
    const userId = user?.id ?? null;
    const rows = await new QuestionRepository(manager).list(challengeId, { all: challenge.relation.ownerOrg, askerId: userId });
    return rows.map((row) => toQuestionView(row, userId));
  }
}
