import { uuidParam } from '@app/core';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@app/auth';
import { CreateExpertDto, ExpertView, ListExpertsQuery } from './dto/expert.dto';
import { ExpertsService } from './experts.service';

@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @Post()
  @ApiOperation({ summary: 'Register an expert' })
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: ExpertView, description: 'The user joins the expert pool and holds the JUDGE role (from their next sign-in or token refresh)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, field by field' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND, ORGANISATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'EXPERT_EXISTS' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateExpertDto): Promise<ExpertView> {
    return this.experts.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List experts' })
  @Roles('ADMIN')
  @ApiOkResponse({ type: [ExpertView], description: 'Search the pool by field of expertise and by substring (名字, title, bio, affiliation)' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  list(@Query() query: ListExpertsQuery): Promise<ExpertView[]> {
    return this.experts.list(query);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'An expert' })
  @ApiOkResponse({ type: ExpertView })
  @ApiForbiddenResponse({ description: 'EXPERTS_ADMIN_ONLY: admins, or the expert themself' })
  @ApiNotFoundResponse({ description: 'EXPERT_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('userId', uuidParam('userId')) userId: string): Promise<ExpertView> {
    return this.experts.get(user, userId);
  }
}
