import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { createProbeClient } from '@cb/jobs';
import { PersistenceModule } from '@cb/persistence';
import type IORedis from 'ioredis';
import { HealthController, REDIS_PROBE } from './health.controller';

@Module({
  imports: [PersistenceModule],
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
