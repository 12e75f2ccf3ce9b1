import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { createProbeClient } from '@cb/jobs';
import type IORedis from 'ioredis';
import { HealthController, REDIS_PROBE } from './health.controller';

@Module({
  controllers: [HealthController],
  providers: [
    {
      provide: REDIS_PROBE,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => createProbeClient(c.redisUrl),
    },
  ],
})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_PROBE) private readonly redis: IORedis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
