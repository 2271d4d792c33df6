import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, OptionalUser } from '@app/auth';
import { Public, uuidParam } from '@app/core';
import { AnswerQuestionDto, AskQuestionDto, QuestionView } from './dto/question.dto';
import { QuestionsService } from './questions.service';

@ApiTags('challenges')
@ApiBearerAuth()
@ApiParam({ name: 'id', format: 'uuid', description: 'The challenge' })
@Controller('challenges/:id/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post()
  @ApiOperation({ summary: 'Ask a question on a challenge' })
  @ApiCreatedResponse({ type: QuestionView, description: 'Asked; the enterprise sees the question, never who asked it' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the question is empty or longer than 2000 characters' })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'OWNER_CANNOT_ASK' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'QUESTIONS_CLOSED: the challenge is not published or bidding has closed; QUESTION_LIMIT_REACHED: MAX_QUESTIONS_PER_USER_PER_CHALLENGE asked',
  })
  ask(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() dto: AskQuestionDto): Promise<QuestionView> {
    return this.questions.ask(user, id, dto);
  }

  @Post(':qid/answer')
  @ApiOperation({ summary: 'Answer a question' })
  @HttpCode(200)
  @ApiParam({ name: 'qid', format: 'uuid', description: 'The question' })
  @ApiOkResponse({ type: QuestionView, description: 'Answered; now visible to everyone who sees the challenge' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ description: 'TOKEN_MISSING' })
  @ApiForbiddenResponse({ description: 'NOT_CHALLENGE_OWNER' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND, QUESTION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'QUESTION_ALREADY_ANSWERED, QUESTIONS_CLOSED' })
  answer(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('qid', uuidParam('qid')) qid: string,
    @Body() dto: AnswerQuestionDto,
  ): Promise<QuestionView> {
    return this.questions.answer(user, id, qid, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: "A challenge's questions" })
  @ApiOkResponse({ type: [QuestionView], description: 'Answered questions (asker anonymous); unanswered ones only for the owner and the asker' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  list(@OptionalUser() user: AuthUser | null, @Param('id', uuidParam()) id: string): Promise<QuestionView[]> {
    return this.questions.list(user, id);
  }
}
