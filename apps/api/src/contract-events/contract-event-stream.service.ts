import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type MessageEvent,
} from '@nestjs/common';
import { CONTRACT_EVENTS_PAGE, ListContractEvents } from '@cb/application';
import { LiveSignal } from '@cb/jobs';
import { Observable, type Subscriber } from 'rxjs';
import { toContractEventDto } from './contract-events.mapper';

/** A stream reads the outbox at least this often, even without a live signal (a lost one only delays). */
export const SAFETY_READ_MS = 30_000;
/** A ping this often keeps proxies from closing an idle stream. */
export const PING_MS = 25_000;

/**
 * The live status of a tenant's contracts as server-sent events: every finished parse (the contract_events
 * outbox) after the client's Last-Event-ID, then each new one as the worker's live signal announces it.
 * The events always come from the outbox, so a reconnecting client misses nothing.
 */
@Injectable()
export class ContractEventStream implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ContractEventStream.name);
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    @Inject(ListContractEvents) private readonly events: ListContractEvents,
    @Inject(LiveSignal) private readonly signal: LiveSignal,
  ) {}

  stream(tenantId: string, lastEventId: number | null): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let after: number | null = lastEventId;
      let reading: Promise<void> | null = null;
      let again = false;
      const read = (): void => {
        if (reading) {
          again = true;
          return;
        }
        reading = (async () => {
          do {
            again = false;
            after ??= await this.events.latest(tenantId);
            const page = await this.events.execute(tenantId, after);
            for (const e of page) {
              if (subscriber.closed) return;
              subscriber.next({ id: String(e.id), type: 'contract', data: toContractEventDto(e) });
              after = e.id;
            }
            if (page.length === CONTRACT_EVENTS_PAGE) again = true;
          } while (again && !subscriber.closed);
        })()
          .catch((err: unknown) => this.logger.warn({ err, tenantId }, 'Live status read failed'))
          .finally(() => {
            reading = null;
          });
      };
      const stopListening = this.signal.onContractEvent((t) => {
        if (t === tenantId) read();
      });
      const safety = setInterval(read, SAFETY_READ_MS);
      const ping = setInterval(() => subscriber.next({ type: 'ping', data: '' }), PING_MS);
      this.open.add(subscriber);
      subscriber.next({ type: 'ready', data: '' });
      read();
      return () => {
        stopListening();
        clearInterval(safety);
        clearInterval(ping);
        this.open.delete(subscriber);
      };
    });
  }

  /** Open streams end when the process stops, so the HTTP server can close. */
  beforeApplicationShutdown(): void {
    for (const subscriber of this.open) subscriber.complete();
  }
}
