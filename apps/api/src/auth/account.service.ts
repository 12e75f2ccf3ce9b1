import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { DomainError, DomainErrorCode, ValidationError } from '@cb/domain';
import { MAILER, renderPasswordResetEmail, type Mailer } from '@cb/notifications';
import {
  AlertSettingsRepository,
  PasswordResetsRepository,
  TenantDb,
  TenantsRepository,
  UsersRepository,
} from '@cb/persistence';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { RateLimiterService } from '../rate-limit/rate-limiter.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { SessionRevocations } from './session-revocations';
import { hashToken, isTokenUsable, newSingleUseToken } from './single-use-token';

/** A reset link works once, for this long. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
export const FORGOT_PASSWORD_ANSWER =
  'If an account uses this address, a link to reset its password is on its way.';
/** At most this many reset e-mails per address per hour (the answer stays the same beyond it). */
const RESET_MAILS_PER_HOUR = { name: 'reset-mail', limit: 5, windowSeconds: 3600 };

const invalidReset = () =>
  new ValidationError('The reset link is not valid: unknown, used or expired', [
    { field: 'token', message: 'is unknown, already used or expired; ask for a new link' },
  ]);

/** Forgotten and changed passwords. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger('Account');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(TenantsRepository) private readonly tenants: TenantsRepository,
    @Inject(PasswordResetsRepository) private readonly resets: PasswordResetsRepository,
    @Inject(AlertSettingsRepository) private readonly alertSettings: AlertSettingsRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(PasswordPolicy) private readonly policy: PasswordPolicy,
    @Inject(SessionRevocations) private readonly sessions: SessionRevocations,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(RateLimiterService) private readonly limiter: RateLimiterService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  /**
   * Always the same answer, at once: whether the address has an account is never told (nor timed: the look-up
   * and the e-mail happen after the response).
   */
  requestPasswordReset(email: string): { message: string } {
    void this.sendResetLink(email.trim().toLowerCase()).catch((err: unknown) =>
      this.logger.warn(`password reset e-mail failed: ${(err as Error).message}`),
    );
    return { message: FORGOT_PASSWORD_ANSWER };
  }

  private async sendResetLink(email: string): Promise<void> {
    const creds = await this.users.credentialsByEmail(email);
    if (!creds) return;
    const allowed = await this.limiter.hit(RESET_MAILS_PER_HOUR, hashToken(email).slice(0, 32));
    if (!allowed.allowed) return;
    const { token, tokenHash } = newSingleUseToken('cbp_');
    const { tenantId } = creds;
    const user = await this.db.run(tenantId, async () => {
      // The newest link is the only one that works.
      await this.resets.invalidateForUser(tenantId, creds.id);
      await this.resets.insert(tenantId, {
        userId: creds.id,
        tokenHash,
        expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000),
      });
      return this.users.findOne(tenantId, { id: creds.id });
    });
    if (!user) return;
    const language = (await this.alertSettings.get(tenantId))?.language;
    const link = `${this.config.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await this.mailer.send({
      to: user.email,
      ...renderPasswordResetEmail({
        name: user.name,
        link,
        minutes: PASSWORD_RESET_TTL_MINUTES,
        language,
      }),
    });
  }

  /** Sets a new password with a reset token (once); every session of the user ends. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const tokenHash = hashToken(token);
    const tenantId = await this.resets.tenantOfToken(tokenHash);
    if (!tenantId) throw invalidReset();
    const user = await this.db.run(tenantId, async () => {
      const row = await this.resets.findForUpdate(tenantId, tokenHash);
      if (!isTokenUsable(row)) throw invalidReset();
      const user = await this.users.findOne(tenantId, { id: row!.userId });
      if (!user) throw invalidReset();
      const company = (await this.tenants.get(tenantId))?.name;
      // Refused before the token is used up, so the user can try a better password with the same link.
      this.policy.assertAcceptable(password, { email: user.email, name: user.name, company });
      const passwordHash = await this.hasher.hash(password);
      await this.users.update(tenantId, { id: user.id }, { passwordHash });
      await this.resets.invalidateForUser(tenantId, user.id);
      await this.audit.record(tenantId, 'user.password_reset', {
        actor: { type: 'user', id: user.id },
        targetType: 'user',
        targetId: user.id,
      });
      return user;
    });
    await this.sessions.revokeUserSessions(tenantId, user.id);
    // The owner of the mailbox proved who they are: earlier failed sign-ins no longer count.
    await this.throttle.clearAccount(user.email);
  }

  /** Needs the current password; the caller's session goes on, every other session of the user ends. */
  async changePassword(
    p: Principal,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const user = await this.users.findOne(p.tenantId, { id: p.userId });
    if (!user)
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The account no longer exists');
    await this.throttle.assertAllowed(user.email, ip);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.throttle.recordFailure(user.email, ip);
      throw new ValidationError('The current password is not correct', [
        { field: 'currentPassword', message: 'is not correct' },
      ]);
    }
    const company = (await this.tenants.get(p.tenantId))?.name;
    this.policy.assertAcceptable(newPassword, { email: user.email, name: user.name, company });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.db.run(p.tenantId, async () => {
      await this.users.update(p.tenantId, { id: user.id }, { passwordHash });
      await this.resets.invalidateForUser(p.tenantId, user.id);
      await this.audit.record(p.tenantId, 'user.password_changed', {
        targetType: 'user',
        targetId: user.id,
      });
    });
    await this.sessions.revokeUserSessions(p.tenantId, user.id, p.sessionId);
  }
}
