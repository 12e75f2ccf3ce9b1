import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_ALERT_LANGUAGE,
  DEFAULT_ALERT_SETTINGS,
  ValidationError,
  validateAlertSettings,
} from '@cb/domain';
import { AlertSettingsRepository, AlertsRepository, InvalidCursorError } from '@cb/persistence';
import type { AlertListDto, AlertDto } from './dto/alert.dto';
import type { AlertSettingsResponseDto, UpdateAlertSettingsDto } from './dto/alert-settings.dto';

@Injectable()
export class AlertsService {
  constructor(
    @Inject(AlertSettingsRepository) private readonly settings: AlertSettingsRepository,
    @Inject(AlertsRepository) private readonly alerts: AlertsRepository,
  ) {}

  async getSettings(tenantId: string): Promise<AlertSettingsResponseDto> {
    const stored = await this.settings.get(tenantId);
    const configured = stored?.recipients ?? [];
    return {
      leadDays: stored?.leadDays ?? [...DEFAULT_ALERT_SETTINGS.leadDays],
      recipients: configured.length
        ? configured
        : await this.settings.ownerAndAdminEmails(tenantId),
      recipientsAreDefault: configured.length === 0,
      timezone: stored?.timezone ?? DEFAULT_ALERT_SETTINGS.timezone,
      language: stored?.language ?? DEFAULT_ALERT_LANGUAGE,
    };
  }

  /** Replaces the settings; an absent field takes its default. */
  async putSettings(
    tenantId: string,
    dto: UpdateAlertSettingsDto,
  ): Promise<AlertSettingsResponseDto> {
    const valid = validateAlertSettings({
      leadDays: dto.leadDays ?? DEFAULT_ALERT_SETTINGS.leadDays,
      timezone: dto.timezone ?? DEFAULT_ALERT_SETTINGS.timezone,
    });
    const recipients = [...new Set((dto.recipients ?? []).map((r) => r.trim().toLowerCase()))];
    await this.settings.save(tenantId, {
      ...valid,
      recipients,
      language: dto.language ?? DEFAULT_ALERT_LANGUAGE,
    });
    return this.getSettings(tenantId);
  }

  async list(tenantId: string, limit: number, cursor?: string): Promise<AlertListDto> {
    try {
      const { rows, nextCursor } = await this.alerts.list(tenantId, limit, cursor);
      return {
        data: rows.map((a): AlertDto => ({
          id: a.id,
          contractId: a.contractId,
          contractTitle: a.contractTitle,
          ...(a.obligationId ? { obligationId: a.obligationId } : {}),
          kind: a.kind,
          deadline: a.deadline,
          leadDays: a.leadDays,
          channel: a.channel,
          recipient: a.recipient,
          status: a.status,
          sentAt: a.sentAt ? a.sentAt.toISOString() : null,
          error: a.error,
          createdAt: a.createdAt.toISOString(),
        })),
        nextCursor,
      };
    } catch (err) {
      if (err instanceof InvalidCursorError) {
        throw new ValidationError('cursor is not valid', [
          { field: 'cursor', message: 'is not a cursor from this list' },
        ]);
      }
      throw err;
    }
  }
}
