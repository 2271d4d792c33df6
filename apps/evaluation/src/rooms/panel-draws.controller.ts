import { uuidParam } from '@app/core';
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
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@app/auth';
import { CreateDrawDto, DrawView } from './dto/panel-draw.dto';
import { PanelDrawService } from './panel-draw.service';

/** A drawn panel (随机抽取评审专家): commit, run, read (docs/integrity.md, "A drawn panel"). */
@ApiTags('rooms')
@ApiBearerAuth()
@Controller('rooms/draws')
export class PanelDrawsController {
  constructor(private readonly draws: PanelDrawService) {}

  @Post()
  @ApiOperation({ summary: 'Commit a panel draw for a closed challenge' })
  @Roles('ADMIN')
  @ApiCreatedResponse({ type: DrawView, description: 'Committed: the eligible pool (canonical order), its exclusions and the seed hash; the seed is kept until run' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: e.g. an even size' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiNotFoundResponse({ description: 'CHALLENGE_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CHALLENGE_NOT_CLOSED, ROOM_EXISTS, DRAW_EXISTS, POOL_TOO_SMALL' })
  commit(@CurrentUser() user: AuthUser, @Body() dto: CreateDrawDto): Promise<DrawView> {
    return this.draws.commit(user, dto);
  }

  @Post(':id/run')
  @ApiOperation({ summary: 'Run a committed panel draw' })
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOkResponse({ type: DrawView, description: 'The panel and the ordered alternates, and the seed revealed' })
  @ApiForbiddenResponse({ description: 'ROLE_REQUIRED: admins only' })
  @ApiNotFoundResponse({ description: 'DRAW_NOT_FOUND' })
  @ApiConflictResponse({ description: 'DRAW_ALREADY_RUN' })
  run(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<DrawView> {
    return this.draws.run(user, id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A panel draw, with what it takes to replay it' })
  @ApiOkResponse({
    type: DrawView,
    description: 'Admins: everything. The owner and the shortlisted teams: the commitment, and everything once the room convened from it is finalised',
  })
  @ApiNotFoundResponse({ description: 'DRAW_NOT_FOUND (also for draws one is no party to)' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<DrawView> {
    return this.draws.view(user, id);
  }
}
