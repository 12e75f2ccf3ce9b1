import { Module } from '@nestjs/common';
import {
  ApplicationModule,
  AuditTrail,
  CompleteSsoSignIn,
  PlanLimits,
  provide,
  SsoSettings,
  StartSsoSignIn,
} from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { OIDC_GATEWAY, SSO_SIGN_IN_STORE } from '@cb/domain';
import {
  InvitationsRepository,
  PersistenceModule,
  SsoConnectionsRepository,
  TenantDb,
  UsersRepository,
} from '@cb/persistence';
import { AuthModule } from '../auth/auth.module';
import { OpenIdClientGateway } from './openid-client.gateway';
import { RedisSsoSignInStore } from './redis-sso-sign-in.store';
import { SsoAuthController } from './sso-auth.controller';
import { SsoBrowserErrorFilter } from './sso-browser-error.filter';
import { SsoController } from './sso.controller';
import { SsoSignInService } from './sso-sign-in.service';

/**
 * Single sign-on with the tenant's OpenID Connect provider. The use cases live in libs/application/src/sso; they
 * are wired here because their two ports (the openid-client gateway, the Redis store of pending sign-ins) are
 * adapters of the API alone.
 */
@Module({
  imports: [PersistenceModule, ApplicationModule, AuthModule],
  controllers: [SsoController, SsoAuthController],
  providers: [
    {
      provide: OIDC_GATEWAY,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new OpenIdClientGateway(c.ssoAllowPrivateIssuers),
    },
    { provide: SSO_SIGN_IN_STORE, useClass: RedisSsoSignInStore },
    provide(SsoSettings, [
      TenantDb,
      SsoConnectionsRepository,
      OIDC_GATEWAY,
      AuditTrail,
      APP_CONFIG,
    ]),
    provide(StartSsoSignIn, [
      SsoConnectionsRepository,
      OIDC_GATEWAY,
      SSO_SIGN_IN_STORE,
      APP_CONFIG,
    ]),
    provide(CompleteSsoSignIn, [
      TenantDb,
      SsoConnectionsRepository,
      UsersRepository,
      InvitationsRepository,
      PlanLimits,
      AuditTrail,
      OIDC_GATEWAY,
      SSO_SIGN_IN_STORE,
      APP_CONFIG,
    ]),
    SsoSignInService,
    SsoBrowserErrorFilter,
  ],
})
export class SsoModule {}
