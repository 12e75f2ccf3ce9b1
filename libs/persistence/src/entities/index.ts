import { ApiKeyEntity } from './api-key.entity';
import { AuditEventEntity } from './audit-event.entity';
import { ContractEntity } from './contract.entity';
import { DeadlineEntity } from './deadline.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { InvitationEntity } from './invitation.entity';
import { ObligationEntity } from './obligation.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SubscriptionEntity } from './subscription.entity';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';
import { AlertSettingsEntity } from './alert-settings.entity';
import { AlertEntity } from './alert.entity';
import { AlertDigestEntity } from './alert-digest.entity';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDeliveryAttemptEntity } from './webhook-delivery-attempt.entity';
import { ContractEventEntity } from './contract-event.entity';
import { BillingOrderEntity } from './billing-order.entity';
import { BillingInvoiceEntity } from './billing-invoice.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { EmailVerificationEntity } from './email-verification.entity';
import { InboxEntity } from './inbox.entity';
import { ImportEntity, ImportItemEntity } from './import.entity';
import { SsoConnectionEntity, SsoDomainEntity } from './sso-connection.entity';
import { ContractDecisionEntity } from './contract-decision.entity';
import { DeadlineSnoozeEntity } from './deadline-snooze.entity';

export * from './api-key.entity';
export * from './audit-event.entity';
export * from './contract.entity';
export * from './deadline.entity';
export * from './idempotency-key.entity';
export * from './invitation.entity';
export * from './obligation.entity';
export * from './refresh-token.entity';
export * from './subscription.entity';
export * from './tenant.entity';
export * from './user.entity';
export * from './alert-settings.entity';
export * from './alert.entity';
export * from './alert-digest.entity';
export * from './calendar-feed.entity';
export * from './webhook-endpoint.entity';
export * from './webhook-delivery.entity';
export * from './webhook-delivery-attempt.entity';
export * from './contract-event.entity';
export * from './billing-order.entity';
export * from './billing-invoice.entity';
export * from './password-reset.entity';
export * from './email-verification.entity';
export * from './single-use-token.entity';
export * from './inbox.entity';
export * from './import.entity';
export * from './sso-connection.entity';
export * from './contract-decision.entity';
export * from './deadline-snooze.entity';

/** Every entity; later features append theirs here. */
export const ENTITIES = [
  TenantEntity,
  UserEntity,
  RefreshTokenEntity,
  SubscriptionEntity,
  ContractEntity,
  ObligationEntity,
  DeadlineEntity,
  IdempotencyKeyEntity,
  ApiKeyEntity,
  InvitationEntity,
  AuditEventEntity,
  AlertSettingsEntity,
  AlertEntity,
  AlertDigestEntity,
  CalendarFeedEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
  BillingOrderEntity,
  BillingInvoiceEntity,
  ContractEventEntity,
  PasswordResetEntity,
  EmailVerificationEntity,
  InboxEntity,
  ImportEntity,
  ImportItemEntity,
  SsoConnectionEntity,
  SsoDomainEntity,
  ContractDecisionEntity,
  DeadlineSnoozeEntity,
];
