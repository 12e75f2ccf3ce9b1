import cluster from 'node:cluster';
import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { TenantDb } from '@cb/persistence';
import type IORedis from 'ioredis';
import type { Response } from 'express';
import { Public } from '../common/decorators/auth.decorators';

export const REDIS_PROBE = Symbol('REDIS_PROBE');
const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(REDIS_PROBE) private readonly redis: IORedis,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The process is up; with API_WORKERS > 1 also which API process answered (worker id and pid)',
  })
  live() {
    if (cluster.isWorker && cluster.worker) {
      return { status: 'ok', worker: { id: cluster.worker.id, pid: process.pid } };
    }
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL or Redis does not answer' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.db.ping()).then(
        () => 'up',
        () => 'down',
      ),
      withTimeout(this.ping()).then(
        () => 'up',
        () => 'down',
      ),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }

  private async ping(): Promise<string> {
    if (this.redis.status === 'wait' || this.redis.status === 'end')
      await this.redis.connect().catch(() => undefined);
    return this.redis.ping();
  }
}
