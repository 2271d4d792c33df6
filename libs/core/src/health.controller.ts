import { Controller, Get, HttpStatus, Injectable, Module, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from './public.decorator';

/** How long one dependency may take to answer the readiness probe before it counts as down. */
export const READINESS_CHECK_TIMEOUT_MS = 800;

export type DependencyState = 'up' | 'down';

/**
 * One dependency the readiness document reports. A critical dependency that is down makes the
 * instance unready (503); a non-critical one (an accelerator such as Redis) only degrades it.
 */
export interface ReadinessCheck {
  name: string;
  critical: boolean;
  /** Resolves when the dependency answers; rejects (or takes too long) when it does not. */
  probe(): Promise<void>;
}

/** The checks of this process: the database's is built in, services add theirs at module init. */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(dataSource: DataSource) {
    this.register({ name: 'database', critical: true, probe: async () => void (await dataSource.query('SELECT 1')) });
  }

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  list(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}

export class DependencyReport {
  @ApiProperty({ enum: ['up', 'down'] })
  state!: DependencyState;

  @ApiProperty({ description: 'A critical dependency that is down makes the instance unready (503)' })
  critical!: boolean;

  @ApiProperty({ description: 'How long the probe took, in milliseconds (capped at the probe timeout)' })
  latencyMs!: number;

  @ApiPropertyOptional({ description: 'Why the dependency counts as down' })
  error?: string;
}

export class ReadinessDocument {
  @ApiProperty({
    enum: ['ok', 'degraded', 'unavailable'],
    description: 'ok: every dependency up; degraded: a non-critical one is down (still ready); unavailable: a critical one is down (503)',
  })
  status!: 'ok' | 'degraded' | 'unavailable';

  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(DependencyReport) } })
  dependencies!: Record<string, DependencyReport>;
}

export class LivenessDocument {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

async function probe(check: ReadinessCheck): Promise<DependencyReport> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_CHECK_TIMEOUT_MS} ms`)), READINESS_CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.probe(), timeout]);
    return { state: 'up', critical: check.critical, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      state: 'down',
      critical: check.critical,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes every dependency at once; the whole document answers within the probe timeout. */
export async function readiness(checks: ReadinessCheck[]): Promise<ReadinessDocument> {
  const reports = await Promise.all(checks.map(probe));
  const dependencies = Object.fromEntries(checks.map((check, i) => [check.name, reports[i]]));
  const down = reports.filter((report) => report.state === 'down');
  const status = down.some((report) => report.critical) ? 'unavailable' : down.length > 0 ? 'degraded' : 'ok';
  return { status, dependencies };
}

@ApiTags('health')
// DependencyReport is referenced only inside ReadinessDocument's map, which Swagger does not follow.
@ApiExtraModels(DependencyReport)
@Controller('health')
export class HealthController {
  constructor(private readonly checks: ReadinessChecks) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessDocument, description: 'The process is alive' })
  live(): LivenessDocument {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every dependency probed, within about a second' })
  @ApiOkResponse({ type: ReadinessDocument, description: 'Ready: status ok, or degraded when only a non-critical dependency is down' })
  @ApiServiceUnavailableResponse({ type: ReadinessDocument, description: 'Unready: a critical dependency (the database) is down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessDocument> {
    const document = await readiness(this.checks.list());
    if (document.status === 'unavailable') void reply.status(HttpStatus.SERVICE_UNAVAILABLE).header('Retry-After', '5');
    return document;
  }
}

@Module({ controllers: [HealthController], providers: [ReadinessChecks], exports: [ReadinessChecks] })
export class HealthModule {}
