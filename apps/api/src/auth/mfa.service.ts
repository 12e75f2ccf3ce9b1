import { Inject, Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, ValidationError } from '@cb/domain';
import { TenantDb, TenantsRepository, UsersRepository, type UserEntity } from '@cb/persistence';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import type {
  MfaEnrolmentDto,
  MfaStatusDto,
  RecoveryCodesDto,
  TenantSecurityDto,
} from './dto/account.dto';
import { SecondFactor } from './second-factor';

const WRONG_CODE = () =>
  new ValidationError('The authentication code is not correct', [
    { field: 'code', message: 'is not correct or was already used' },
  ]);

/** Turning TOTP multi-factor authentication on and off, recovery codes, and the tenant's requirement. */
@Injectable()
export class MfaService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(TenantsRepository) private readonly tenants: TenantsRepository,
    @Inject(SecondFactor) private readonly factor: SecondFactor,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  private async user(p: Principal): Promise<UserEntity> {
    const user = await this.users.findOne(p.tenantId, { id: p.userId });
    if (!user)
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The account no longer exists');
    return user;
  }

  private async tenantRequires(tenantId: string): Promise<boolean> {
    return (await this.tenants.get(tenantId))?.requireMfa ?? false;
  }

  async status(p: Principal): Promise<MfaStatusDto> {
    const user = await this.user(p);
    return {
      enabled: Boolean(user.mfaEnabledAt),
      enabledAt: user.mfaEnabledAt?.toISOString() ?? null,
      recoveryCodesLeft: user.mfaEnabledAt ? user.mfaRecoveryCodes.length : 0,
      requiredByTenant: await this.tenantRequires(p.tenantId),
    };
  }

  /** A new secret to enrol (replacing an unfinished one); it counts once a code from it is confirmed. */
  async enrol(p: Principal): Promise<MfaEnrolmentDto> {
    const user = await this.user(p);
    if (user.mfaEnabledAt) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'Multi-factor authentication is already on; turn it off first to enrol a new app',
      );
    }
    const secret = this.factor.newSecret();
    await this.users.update(
      p.tenantId,
      { id: user.id },
      { mfaPendingSecret: this.factor.seal(user.id, secret) },
    );
    return { secret, otpauthUrl: this.factor.uri(user.email, secret) };
  }

  /** Confirms the enrolment with a code from the new secret; answers the ten recovery codes (once). */
  async confirm(p: Principal, code: string): Promise<RecoveryCodesDto> {
    const user = await this.user(p);
    if (user.mfaEnabledAt)
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'Multi-factor authentication is already on',
      );
    if (!user.mfaPendingSecret) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'Start with POST /v1/me/mfa: there is no secret to confirm',
      );
    }
    const step = this.factor.stepOf(this.factor.open(user.id, user.mfaPendingSecret), code);
    if (step === null) throw WRONG_CODE();
    const { codes, hashes } = this.factor.newRecoveryCodes();
    await this.db.run(p.tenantId, async () => {
      await this.users.update(
        p.tenantId,
        { id: user.id },
        {
          mfaSecret: user.mfaPendingSecret,
          mfaPendingSecret: null,
          mfaEnabledAt: new Date(),
          mfaLastStep: String(step),
          mfaRecoveryCodes: hashes,
        },
      );
      await this.audit.record(p.tenantId, 'user.mfa_enabled', {
        targetType: 'user',
        targetId: user.id,
      });
    });
    return { recoveryCodes: codes };
  }

  /**
   * Needs a second factor (a current TOTP code, never a replayed one, or a recovery code) on top of the
   * session; refused while the tenant requires multi-factor authentication.
   */
  async disable(p: Principal, code: string): Promise<void> {
    const user = await this.user(p);
    if (!user.mfaEnabledAt)
      throw new DomainError(DomainErrorCode.InvalidState, 'Multi-factor authentication is not on');
    if (await this.tenantRequires(p.tenantId)) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'Your organisation requires multi-factor authentication: it cannot be turned off',
      );
    }
    if (!(await this.factor.verify(user, code))) throw WRONG_CODE();
    await this.db.run(p.tenantId, async () => {
      await this.users.update(
        p.tenantId,
        { id: user.id },
        {
          mfaSecret: null,
          mfaPendingSecret: null,
          mfaEnabledAt: null,
          mfaLastStep: null,
          mfaRecoveryCodes: [],
        },
      );
      await this.audit.record(p.tenantId, 'user.mfa_disabled', {
        targetType: 'user',
        targetId: user.id,
      });
    });
  }

  /** Ten new recovery codes (the old ones stop working); needs a current code. */
  async renewRecoveryCodes(p: Principal, code: string): Promise<RecoveryCodesDto> {
    const user = await this.user(p);
    if (!user.mfaEnabledAt)
      throw new DomainError(DomainErrorCode.InvalidState, 'Multi-factor authentication is not on');
    if (!(await this.factor.verify(user, code))) throw WRONG_CODE();
    const { codes, hashes } = this.factor.newRecoveryCodes();
    await this.db.run(p.tenantId, async () => {
      await this.users.update(p.tenantId, { id: user.id }, { mfaRecoveryCodes: hashes });
      await this.audit.record(p.tenantId, 'user.mfa_recovery_codes_renewed', {
        targetType: 'user',
        targetId: user.id,
      });
    });
    return { recoveryCodes: codes };
  }

  async tenantSecurity(tenantId: string): Promise<TenantSecurityDto> {
    return { requireMfa: await this.tenantRequires(tenantId) };
  }

  /**
   * The owner requires (or stops requiring) multi-factor authentication for every member. Members without it
   * are then asked to turn it on before anything else (403 mfa_enrollment_required). The owner must use it
   * first, so nobody locks the tenant out.
   */
  async setTenantRequirement(p: Principal, requireMfa: boolean): Promise<TenantSecurityDto> {
    if (requireMfa && !(await this.user(p)).mfaEnabledAt) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'Turn on multi-factor authentication for your own account first',
      );
    }
    await this.db.run(p.tenantId, async () => {
      await this.tenants.setRequireMfa(p.tenantId, requireMfa);
      await this.audit.record(p.tenantId, 'tenant.mfa_requirement_changed', {
        targetType: 'tenant',
        targetId: p.tenantId,
        data: { requireMfa },
      });
    });
    return { requireMfa };
  }
}
