import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, OptionalUser } from '@app/auth';
import { Public, uuidParam } from '@app/core';
import type { FastifyReply } from 'fastify';
import { ReportQuery } from '../rooms/dto/room.dto';
import { AuditView, FeedbackView, LeniencyView, ReportView, VerificationView } from './dto/record.view';
import { RecordService } from './record.service';
import { reportCsv } from './report';

@ApiTags('rooms')
@ApiBearerAuth()
@Controller()
export class RecordController {
  constructor(private readonly record: RecordService) {}

  @Get('rooms/:id/audit')
  @ApiOperation({ summary: "A room's audit log" })
  @ApiOkResponse({ type: AuditView, description: 'The hash-chained record, oldest first' })
  @ApiForbiddenResponse({ description: 'RECORD_RESTRICTED: chair and admins; also the panel and owner once finalised' })
  @ApiNotFoundResponse({ description: 'ROOM_NOT_FOUND' })
  audit(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<AuditView> {
    return this.record.audit(user, id);
  }

  @Public()
  @Get('rooms/:id/audit/verify')
  @ApiOperation({ summary: "Verify a room's audit chain" })
  @ApiOkResponse({ type: VerificationView, description: 'Every link and the head kept on the room re-checked; participants at any time, anyone once finalised' })
  @ApiNotFoundResponse({ description: 'ROOM_NOT_FOUND' })
  verify(@OptionalUser() user: AuthUser | null, @Param('id', uuidParam()) id: string): Promise<VerificationView> {
    return this.record.verify(user, id);
  }

  @Get('rooms/:id/report')
  @ApiOperation({ summary: "A room's evaluation report (JSON or CSV)" })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(ReportView)
  @ApiOkResponse({
    description: 'The evaluation report (评审报告); ?format=csv for a spreadsheet (UTF-8 with BOM)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReportView) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiForbiddenResponse({ description: 'RECORD_RESTRICTED' })
  async report(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportView | string> {
    const report = await this.record.report(user, id);
    if (query.format !== 'csv') return report;
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    void reply.header('Content-Disposition', `attachment; filename="evaluation-report-${id}.csv"`);
    return `\uFEFF${reportCsv(report)}`;
  }

  @Get('rooms/:id/leniency')
  @ApiOperation({ summary: "The panel's leniency in a room" })
  @ApiOkResponse({ type: LeniencyView, description: 'Advisory z-scores of each judge’s totals' })
  @ApiForbiddenResponse({ description: 'CHAIR_OR_ADMIN_ONLY' })
  leniency(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<LeniencyView> {
    return this.record.leniency(user, id);
  }

  @Get('bids/:id/feedback')
  @ApiOperation({ summary: 'The evaluation feedback on a bid' })
  @ApiOkResponse({ type: FeedbackView, description: 'My team’s scorecard: per-criterion panel averages, rank, anonymous comments' })
  @ApiNotFoundResponse({ description: 'FEEDBACK_NOT_FOUND: not my team’s bid, or not evaluated in a room' })
  @ApiConflictResponse({ description: 'FEEDBACK_NOT_READY: the room is not finalised' })
  feedback(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<FeedbackView> {
    return this.record.feedback(user, id);
  }
}
