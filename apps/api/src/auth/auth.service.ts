import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import {
  DomainError,
  DomainErrorCode,
  emailDomain,
  passwordSignInBlockedBySso,
  ssoRequiredError,
  startTrial,
} from '@cb/domain';
import {
  RefreshTokensRepository,
  SsoConnectionsRepository,
  SubscriptionsRepository,
  TenantDb,
  TenantsRepository,
  UsersRepository,
  type UserEntity,
} from '@cb/persistence';
import type { AccessTokenClaims } from '../common/auth/bearer.strategy';
import type { Principal } from '../common/auth/principal';
import type { LoginDto, SignupDto } from './dto/auth.dto';
import { SecondFactor } from './second-factor';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { SessionRevocations } from './session-revocations';
import { EmailVerificationService } from './email-verification.service';
import { hashToken } from './single-use-token';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const INVALID_CREDENTIALS = 'The e-mail or password is not correct';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(TenantsRepository) private readonly tenants: TenantsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(SubscriptionsRepository) private readonly subscriptions: SubscriptionsRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(PasswordPolicy) private readonly policy: PasswordPolicy,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(SessionRevocations) private readonly sessions: SessionRevocations,
    @Inject(SecondFactor) private readonly secondFactor: SecondFactor,
    @Inject(SsoConnectionsRepository) private readonly sso: SsoConnectionsRepository,
    @Inject(EmailVerificationService) private readonly verification: EmailVerificationService,
  ) {}

  async signup(dto: SignupDto) {
    this.policy.assertAcceptable(dto.password, {
      email: dto.email,
      name: dto.name,
      company: dto.company,
    });
    const passwordHash = await this.hasher.hash(dto.password);
    const tenantId = randomUUID();
    const now = new Date();
    try {
      const { tenant, user } = await this.db.run(tenantId, async () => {
        const tenant = await this.tenants.create(tenantId, dto.company);
        const user = await this.users.insert(tenantId, {
          email: dto.email.toLowerCase(),
          name: dto.name,
          passwordHash,
          role: 'owner',
          // Confirmed with the link e-mailed below; the trial works at once, only alerts wait for it.
          emailVerifiedAt: null,
        });
        const trial = startTrial(now, this.config.trialDays);
        await this.subscriptions.insert(tenantId, {
          plan: trial.plan,
          status: trial.status,
          trialEndsAt: trial.trialEndsAt,
          currentPeriodEnd: trial.currentPeriodEnd,
          canceledAt: trial.canceledAt,
        });
        return { tenant, user };
      });
      this.verification.sendAfterSignup(tenantId, user.id, dto.language);
      const tokens = await this.startSession(user);
      return { tenant: { id: tenant.id, name: tenant.name }, user: toUserDto(user), ...tokens };
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new DomainError(
          DomainErrorCode.Conflict,
          'An account with this e-mail already exists',
          [{ field: 'email', message: 'is already registered' }],
        );
      }
      throw err;
    }
  }

  /**
   * Checks the password, slowed down per account and per IP (LoginThrottle): while either is locked the answer
   * is 429 whatever the password. With multi-factor authentication on, a right password without `otp` answers
   * 401 `mfa_required`; a wrong or replayed `otp` answers the same (naming `otp`) and counts as a failure.
   */
  async login(dto: LoginDto, ip: string): Promise<TokenPair> {
    const email = dto.email.trim();
    await this.throttle.assertAllowed(email, ip);
    const creds = await this.users.credentialsByEmail(email);
    await this.assertPasswordSignInAllowed(email, creds?.tenantId ?? null);
    const ok = await this.hasher.verify(creds?.passwordHash ?? null, dto.password);
    const user = creds && ok ? await this.users.findOne(creds.tenantId, { id: creds.id }) : null;
    if (!user) {
      await this.throttle.recordFailure(email, ip);
      throw new DomainError(DomainErrorCode.Unauthenticated, INVALID_CREDENTIALS);
    }
    if (user.mfaEnabledAt && user.mfaSecret) {
      if (!dto.otp) {
        throw new DomainError(
          DomainErrorCode.MfaRequired,
          'This account uses two-factor authentication: send the code of the authenticator app (or a recovery code) as otp',
        );
      }
      if (!(await this.secondFactor.verify(user, dto.otp))) {
        await this.throttle.recordFailure(email, ip);
        throw new DomainError(
          DomainErrorCode.MfaRequired,
          'The authentication code is not correct or was already used',
          [{ field: 'otp', message: 'is not correct or was already used' }],
        );
      }
    }
    await this.throttle.clearAccount(email);
    return this.startSession(user);
  }

  /** 403 sso_required when the tenant that claims the e-mail's domain signs in only through its identity provider. */
  private async assertPasswordSignInAllowed(email: string, accountTenantId: string | null) {
    const domain = emailDomain(email);
    const claim = domain ? await this.sso.claimOfDomain(domain) : null;
    if (passwordSignInBlockedBySso(claim?.required ? claim.tenantId : null, accountTenantId))
      throw ssoRequiredError();
  }

  /** A new session (refresh-token family) for a user who has just proved who they are. */
  startSession(user: UserEntity): Promise<TokenPair> {
    return this.issueTokens(user, randomUUID(), new Date());
  }

  /**
   * Rotates a refresh token. Presenting a token that was already rotated revokes its whole family. A family
   * ends refreshFamilyMaxDays (90) after its sign-in however often it rotates (30 days unused is the sliding end).
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = hashToken(refreshToken);
    const invalid = () =>
      new DomainError(DomainErrorCode.Unauthenticated, 'The refresh token is not valid');
    const tenantId = await this.refreshTokens.tenantOfToken(tokenHash);
    if (!tenantId) throw invalid();
    const outcome = await this.db.run(tenantId, async () => {
      const row = await this.refreshTokens.findForUpdate(tenantId, tokenHash);
      if (!row) return { error: true as const };
      if (row.usedAt || row.revokedAt) {
        // Reuse of a rotated token: the family may be stolen, so it ends, access tokens included.
        await this.refreshTokens.revokeFamily(tenantId, row.familyId);
        await this.sessions.markRevoked([row.familyId]);
        return { error: true as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { error: true as const };
      if (this.familyEnd(row.familyStartedAt).getTime() <= Date.now()) {
        await this.refreshTokens.revokeFamily(tenantId, row.familyId);
        return { error: true as const };
      }
      await this.refreshTokens.update(tenantId, { id: row.id }, { usedAt: new Date() });
      const user = await this.users.findOne(tenantId, { id: row.userId });
      if (!user) return { error: true as const };
      return {
        error: false as const,
        pair: await this.issueTokens(user, row.familyId, row.familyStartedAt),
      };
    });
    if (outcome.error) throw invalid();
    return outcome.pair;
  }

  /**
   * Ends the session of the given refresh token (and the caller's own: its access token stops working at
   * once); without a refresh token, every session of the user.
   */
  async logout(p: Principal, refreshToken?: string): Promise<void> {
    const { tenantId, userId } = p;
    if (!refreshToken) {
      await this.sessions.revokeUserSessions(tenantId, userId);
      if (p.sessionId) await this.sessions.markRevoked([p.sessionId]);
      return;
    }
    const row = await this.refreshTokens.findOne(tenantId, {
      tokenHash: hashToken(refreshToken),
      userId,
    });
    if (row) await this.sessions.revokeSession(tenantId, row.familyId);
    if (p.sessionId && p.sessionId !== row?.familyId)
      await this.sessions.revokeSession(tenantId, p.sessionId);
  }

  async me(tenantId: string, userId: string) {
    const profile = await this.users.profile(tenantId, userId);
    if (!profile)
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The account no longer exists');
    const { user, tenant } = profile;
    return {
      user: toUserDto(user),
      tenant: { id: tenant.id, name: tenant.name },
      emailVerified: profile.emailVerified,
      security: {
        mfaEnabled: profile.hasMfa,
        mfaRequired: tenant.requireMfa,
        mfaEnrollmentRequired: tenant.requireMfa && !profile.hasMfa,
      },
    };
  }

  private familyEnd(startedAt: Date): Date {
    return new Date(startedAt.getTime() + this.config.refreshFamilyMaxDays * 86_400_000);
  }

  private async issueTokens(
    user: UserEntity,
    familyId: string,
    familyStartedAt: Date,
  ): Promise<TokenPair> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      tid: user.tenantId,
      typ: 'access',
      sid: familyId,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    const refreshToken = `cbr_${randomBytes(32).toString('base64url')}`;
    await this.refreshTokens.insert(user.tenantId, {
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      familyStartedAt,
      // Sliding, but never past the family's absolute end.
      expiresAt: new Date(
        Math.min(
          Date.now() + this.config.refreshTokenTtlDays * 86_400_000,
          this.familyEnd(familyStartedAt).getTime(),
        ),
      ),
    });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}

export function toUserDto(user: Pick<UserEntity, 'id' | 'email' | 'name' | 'role'>) {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
