import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { enqueueWithin } from './enqueue-within';

const SIGNAL_TIMEOUT_MS = 2000;

/**
 * A wake-up call between processes over Redis pub/sub: the worker says "tenant T has a new contract event",
 * every API process wakes the live-status streams of that tenant, which then read the event itself from the
 * contract_events outbox. Only a hint: a lost signal delays the stream until its next periodic read.
 */
export class LiveSignal {
  private readonly logger = new Logger(LiveSignal.name);
  private publisher: IORedis | null = null;
  private subscriber: IORedis | null = null;
  private readonly listeners = new Set<(tenantId: string) => void>();

  constructor(private readonly connection: { redisUrl: string; queuePrefix: string }) {}

  private get channel(): string {
    return `${this.connection.queuePrefix}:contract-events`;
  }

  /** Best effort: never throws, waits at most a moment for Redis. */
  async contractEvent(tenantId: string): Promise<void> {
    if (!this.publisher) {
      this.publisher = new IORedis(this.connection.redisUrl, { maxRetriesPerRequest: 1 });
      this.publisher.on('error', () => undefined); // best effort: a down Redis only delays the streams
    }
    try {
      await enqueueWithin(this.publisher.publish(this.channel, tenantId), SIGNAL_TIMEOUT_MS);
    } catch (err) {
      this.logger.debug(
        { err, tenantId },
        'Live signal not sent; streams catch up on their next read',
      );
    }
  }

  /** Calls `fn` with the tenant id of every signal; returns the unsubscribe function. */
  onContractEvent(fn: (tenantId: string) => void): () => void {
    if (!this.subscriber) {
      this.subscriber = new IORedis(this.connection.redisUrl, { maxRetriesPerRequest: null });
      this.subscriber.on('error', () => undefined); // reconnects by itself; the streams poll meanwhile
      this.subscriber.on('message', (_channel: string, tenantId: string) => {
        for (const listener of this.listeners) listener(tenantId);
      });
      this.subscriber.subscribe(this.channel).catch((err: unknown) => {
        this.logger.warn({ err }, 'Could not subscribe to live signals; streams poll instead');
      });
    }
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close(): void {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
    this.publisher = null;
    this.subscriber = null;
    this.listeners.clear();
  }
}
