import type { ConnectionOptions } from 'bullmq';
import IORedis from 'ioredis';

/** BullMQ connection options from a redis:// or rediss:// URL. */
export function redisConnectionOptions(url: string): ConnectionOptions {
  return {
    url,
    // BullMQ workers need this; producers bound their own waits (JobPublisher.tryPublish).
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 5000),
  };
}

/** A small client for health checks: fails fast instead of queueing commands while Redis is away. */
export function createProbeClient(url: string): IORedis {
  return new IORedis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(times * 500, 5000),
  });
}
