import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { NotFoundError, ValidationError } from '@cb/domain';
import { UnsafeUrlError, assertSafeWebhookUrl, generateWebhookSecret } from '@cb/notifications';
import { WebhooksRepository, type WebhookEndpointEntity } from '@cb/persistence';
import type { CreateWebhookDto, CreatedWebhookDto, WebhookDto } from './dto/webhook.dto';

/** Endpoints per tenant: plenty for integrations, and bounds the fan-out of one event. */
const MAX_ENDPOINTS = 20;

function toDto(e: WebhookEndpointEntity): WebhookDto {
  return { id: e.id, url: e.url, events: e.events, createdAt: e.createdAt.toISOString() };
}

@Injectable()
export class WebhooksService {
  constructor(
    @Inject(WebhooksRepository) private readonly webhooks: WebhooksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(tenantId: string, dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    let url: URL;
    try {
      url = await assertSafeWebhookUrl(dto.url, this.config.webhookAllowPrivateUrls);
    } catch (err) {
      if (err instanceof UnsafeUrlError)
        throw new ValidationError(`url ${err.message}`, [{ field: 'url', message: err.message }]);
      throw err;
    }
    if ((await this.webhooks.count(tenantId)) >= MAX_ENDPOINTS) {
      throw new ValidationError(`at most ${MAX_ENDPOINTS} webhook endpoints`, [
        { field: 'url', message: `at most ${MAX_ENDPOINTS} endpoints per account` },
      ]);
    }
    const secret = generateWebhookSecret();
    const saved = await this.webhooks.insert(tenantId, {
      url: url.toString(),
      events: dto.events,
      secret,
    });
    return { ...toDto(saved), secret };
  }

  async list(tenantId: string): Promise<{ data: WebhookDto[] }> {
    return { data: (await this.webhooks.listEndpoints(tenantId)).map(toDto) };
  }

  async remove(tenantId: string, id: string): Promise<void> {
    if ((await this.webhooks.delete(tenantId, { id })) === 0) throw new NotFoundError('webhook');
  }
}
