import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ApplicationModule } from '@cb/application';
import { AppConfigModule, type AppConfig } from '@cb/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeyRoutesGuard } from './api-keys/api-key-routes.guard';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BillingModule } from './billing/billing.module';
import { InvitationsModule } from './invitations/invitations.module';
import { UsersModule } from './users/users.module';
import { SubscriptionGateGuard } from './billing/subscription-gate.guard';
import { BearerAuthGuard } from './common/guards/auth.guard';
import { redactPath } from './common/log-redaction';
import { RequestTransactionInterceptor } from './common/request-transaction.interceptor';
import { RouteDeclarationsCheck } from './common/guards/route-declarations.check';
import { MultipartInterceptor } from './common/multipart/multipart.interceptor';
import { ContractEventsModule } from './contract-events/contract-events.module';
import { MfaEnrollmentGuard } from './common/guards/mfa-enrollment.guard';
import { PermissionGuard } from './common/guards/permission.guard';
import { ContractsModule } from './contracts/contracts.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DecisionsModule } from './decisions/decisions.module';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SubscriptionModule } from './subscription/subscription.module';
import { AlertsModule } from './alerts/alerts.module';
import { CalendarModule } from './calendar/calendar.module';
import { ImportsModule } from './imports/imports.module';
import { InboxModule } from './inbox/inbox.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { SsoModule } from './sso/sso.module';

export function loggerModule(config: AppConfig, name: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      name,
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming)
            ? incoming
            : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactPath(req.url),
        }),
        // The access line needs the status, not every response header (serialising them is most of its cost).
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
    },
  });
}

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggerModule(config, 'api'),
        DiscoveryModule,
        ApplicationModule,
        IdempotencyModule,
        HealthModule,
        AuthModule,
        ContractsModule,
        ContractEventsModule,
        DeadlinesModule,
        DecisionsModule,
        SubscriptionModule,
        AuditModule,
        ApiKeysModule,
        BillingModule,
        UsersModule,
        InvitationsModule,
        RateLimitModule,
        AlertsModule,
        CalendarModule,
        InboxModule,
        ImportsModule,
        WebhooksModule,
        SsoModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        // Right after authentication: per IP on auth routes, per key for API keys (429 + Retry-After).
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: ApiKeyRoutesGuard },
        // A tenant that requires MFA: members without it may only enrol (403 mfa_enrollment_required).
        { provide: APP_GUARD, useClass: MfaEnrollmentGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        // After authentication and permissions: 402 for writes once the subscription has ended.
        { provide: APP_GUARD, useClass: SubscriptionGateGuard },
        // Outermost: a read request's transaction is committed once everything inside has run, before the answer.
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
        // In this order: an upload's body is read (into storage) before its Idempotency-Key is checked,
        // because an upload is identified by its file.
        { provide: APP_INTERCEPTOR, useClass: MultipartInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        RouteDeclarationsCheck,
      ],
    };
  }
}
