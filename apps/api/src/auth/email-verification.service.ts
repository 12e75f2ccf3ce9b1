import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { DomainError, DomainErrorCode, type AlertLanguage } from '@cb/domain';
import { MAILER, renderEmailVerificationEmail, type Mailer } from '@cb/notifications';
import {
  AlertSettingsRepository,
  EmailVerificationsRepository,
  TenantDb,
  UsersRepository,
} from '@cb/persistence';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { RateLimitedError } from '../rate-limit/rate-limited.error';
import { RateLimiterService } from '../rate-limit/rate-limiter.service';
import { hashToken, isTokenUsable, newSingleUseToken } from './single-use-token';

/** A verification link works once, for this long. */
export const EMAIL_VERIFICATION_TTL_HOURS = 48;
/** Resends per user per hour (the sign-up mail counts too), on top of the per-IP limit of the auth routes. */
const VERIFICATION_MAILS_PER_HOUR = { name: 'verify-mail', limit: 5, windowSeconds: 3600 };

const invalidToken = () =>
  new DomainError(
    DomainErrorCode.VerificationTokenInvalid,
    'The confirmation link is not valid: unknown, already used or expired. Sign in and ask for a new link.',
    [{ field: 'token', message: 'is unknown, already used or expired; ask for a new link' }],
  );

/**
 * E-mail verification of sign-ups: a single-use link (only its SHA-256 is stored, like password resets).
 * Nothing is gated on it except alerts, which go only to verified users (libs/domain alert recipients).
 */
@Injectable()
export class EmailVerificationService {
  private readonly logger = new Logger('EmailVerification');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(EmailVerificationsRepository)
    private readonly verifications: EmailVerificationsRepository,
    @Inject(AlertSettingsRepository) private readonly alertSettings: AlertSettingsRepository,
    @Inject(RateLimiterService) private readonly limiter: RateLimiterService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  /** After sign-up: the link is e-mailed after the response, so a slow or failing mail server delays nothing. */
  sendAfterSignup(tenantId: string, userId: string, language?: AlertLanguage): void {
    void this.limiter
      .hit(VERIFICATION_MAILS_PER_HOUR, userId)
      .then(() => this.sendLink(tenantId, userId, language))
      .catch((err: unknown) =>
        this.logger.warn(`verification e-mail failed: ${(err as Error).message}`),
      );
  }

  /** A new link for the signed-in user (older links stop working); 409 when the address is already confirmed. */
  async resend(p: Principal): Promise<void> {
    const user = await this.users.findOne(p.tenantId, { id: p.userId });
    if (!user)
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The account no longer exists');
    if (user.emailVerifiedAt)
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'The e-mail address is already confirmed',
      );
    const allowed = await this.limiter.hit(VERIFICATION_MAILS_PER_HOUR, user.id);
    if (!allowed.allowed) throw new RateLimitedError(allowed.resetSeconds);
    await this.sendLink(p.tenantId, user.id);
  }

  /** Marks the address of the token's user verified, once; the user's other links stop working. */
  async verify(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    const tenantId = await this.verifications.tenantOfToken(tokenHash);
    if (!tenantId) throw invalidToken();
    await this.db.run(tenantId, async () => {
      const row = await this.verifications.findForUpdate(tenantId, tokenHash);
      if (!isTokenUsable(row)) throw invalidToken();
      const user = await this.users.findOne(tenantId, { id: row!.userId });
      if (!user) throw invalidToken();
      await this.verifications.invalidateForUser(tenantId, user.id);
      if (user.emailVerifiedAt) return;
      await this.users.update(tenantId, { id: user.id }, { emailVerifiedAt: new Date() });
      await this.audit.record(tenantId, 'user.email_verified', {
        actor: { type: 'user', id: user.id },
        targetType: 'user',
        targetId: user.id,
        data: { email: user.email },
      });
    });
  }

  /** `language`: the sign-up's own; otherwise the tenant's e-mail language (its alert settings). */
  private async sendLink(
    tenantId: string,
    userId: string,
    language?: AlertLanguage,
  ): Promise<void> {
    const { token, tokenHash } = newSingleUseToken('cbv_');
    const user = await this.db.run(tenantId, async () => {
      const user = await this.users.findOne(tenantId, { id: userId });
      if (!user || user.emailVerifiedAt) return null;
      // The newest link is the only one that works.
      await this.verifications.invalidateForUser(tenantId, user.id);
      await this.verifications.insert(tenantId, {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(Date.now() + EMAIL_VERIFICATION_TTL_HOURS * 3_600_000),
      });
      return user;
    });
    if (!user) return;
    language ??= (await this.alertSettings.get(tenantId))?.language;
    const link = `${this.config.appUrl}/verify-email?token=${encodeURIComponent(token)}`;
    await this.mailer.send({
      to: user.email,
      ...renderEmailVerificationEmail({
        name: user.name,
        link,
        hours: EMAIL_VERIFICATION_TTL_HOURS,
        language,
      }),
    });
  }
}
