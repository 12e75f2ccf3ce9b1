import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, deriveKey, type AppConfig } from '@cb/config';
import { TenantCalendar } from '@cb/application';
import { DEFAULT_ALERT_SETTINGS, NotFoundError, addDays } from '@cb/domain';
import { AlertSettingsRepository, CalendarFeedsRepository } from '@cb/persistence';
import { buildDeadlinesIcs } from './calendar-ics.util';

/** Deadlines in the feed: from a year back (recent history stays visible) on, at most this many events. */
const FEED_PAST_DAYS = 365;
const FEED_MAX_EVENTS = 5000;

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The feed token is derived from the feed row's id with a server secret (HMAC), and only its SHA-256 is
 * stored: the URL can be shown again on every GET without being kept in the database, and revoking the
 * row (a new row gets a new id) invalidates it.
 */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(CalendarFeedsRepository) private readonly feeds: CalendarFeedsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TenantCalendar) private readonly calendar: TenantCalendar,
    @Inject(AlertSettingsRepository) private readonly alertSettings: AlertSettingsRepository,
  ) {}

  /** The feed's token: an HMAC of its id with the calendar-feed key (HKDF from JWT_SECRET). */
  private tokenFor(feedId: string): string {
    return createHmac('sha256', deriveKey(this.config.jwtSecret, 'calendar-feed'))
      .update(`calendar-feed:${feedId}`)
      .digest('base64url');
  }

  /** Feeds made before the keys were separated used JWT_SECRET itself; their URLs keep working. */
  private legacyTokenFor(feedId: string): string {
    return createHmac('sha256', this.config.jwtSecret)
      .update(`calendar-feed:${feedId}`)
      .digest('base64url');
  }

  private urlFor(token: string): string {
    return `${this.config.appUrl}/calendar/${token}.ics`;
  }

  async feedUrl(tenantId: string): Promise<{ url: string }> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const id = randomUUID();
      const feed = await this.feeds.ensureLive(tenantId, id, hashFeedToken(this.tokenFor(id)));
      for (const token of [this.tokenFor(feed.id), this.legacyTokenFor(feed.id)]) {
        if (hashFeedToken(token) === feed.tokenHash) return { url: this.urlFor(token) };
      }
      // The server secret changed since the feed was made: its URL cannot be rebuilt, so start a new one.
      await this.feeds.revoke(tenantId);
    }
    throw new Error('could not create a calendar feed');
  }

  async revoke(tenantId: string): Promise<void> {
    await this.feeds.revoke(tenantId);
  }

  /** The feed for a token, or NotFound (unknown or revoked look the same). */
  async ics(token: string, now = new Date()): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError('calendar feed');
    const tenantId = await this.feeds.tenantForTokenHash(hashFeedToken(token));
    if (!tenantId) throw new NotFoundError('calendar feed');
    const from = addDays(await this.calendar.today(tenantId, now), -FEED_PAST_DAYS);
    const deadlines = await this.feeds.deadlinesFrom(tenantId, from, FEED_MAX_EVENTS);
    const leadDays =
      (await this.alertSettings.get(tenantId))?.leadDays ?? DEFAULT_ALERT_SETTINGS.leadDays;
    return buildDeadlinesIcs(deadlines, this.config.appUrl, now, leadDays);
  }
}
