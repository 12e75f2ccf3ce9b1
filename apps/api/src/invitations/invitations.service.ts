import { Inject, Injectable, Logger } from '@nestjs/common';
import { PlanLimits } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { canAssignRole, DomainError, DomainErrorCode, NotFoundError, type Role } from '@cb/domain';
import { MAILER, renderInvitationEmail, type Mailer } from '@cb/notifications';
import {
  AlertSettingsRepository,
  InvitationsRepository,
  TenantDb,
  TenantsRepository,
  UsersRepository,
  type InvitationEntity,
  type UserEntity,
} from '@cb/persistence';
import { IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService, toUserDto } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { PasswordPolicy } from '../auth/password-policy';

import type { Principal } from '../common/auth/principal';
import type {
  AcceptedInvitationDto,
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationDto,
} from './dto/invitation.dto';
import {
  generateInvitationToken,
  hashInvitationToken,
  INVITATION_TTL_DAYS,
} from './invitation-token.util';

const INVALID = 'The invitation is not valid: it is unknown, already used, withdrawn or expired';

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(InvitationsRepository) private readonly invitations: InvitationsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(TenantsRepository) private readonly tenants: TenantsRepository,
    @Inject(PlanLimits) private readonly limits: PlanLimits,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(PasswordPolicy) private readonly policy: PasswordPolicy,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AlertSettingsRepository) private readonly alertSettings: AlertSettingsRepository,
  ) {}

  async create(actor: Principal, dto: CreateInvitationDto): Promise<InvitationDto> {
    const tenantId = actor.tenantId;
    const email = dto.email.toLowerCase();
    if (!canAssignRole(actor.role, null, dto.role)) {
      throw new DomainError(DomainErrorCode.Forbidden, `Your role may not invite a ${dto.role}`);
    }
    // Someone already in this team: the admin sees the team list anyway. An address with an account in another
    // tenant is invited like any other (the answer must not tell who uses the product); accepting then fails
    // for the invitee alone (one account per e-mail, since sign-in needs no tenant).
    if (await this.users.findOne(tenantId, { email })) {
      throw new DomainError(DomainErrorCode.Conflict, 'This person is already in your team', [
        { field: 'email', message: 'is already a member of this team' },
      ]);
    }
    const { token, tokenHash } = generateInvitationToken();
    const { invitation, tenantName } = await this.db.run(tenantId, async () => {
      // A new invitation to the same address replaces the open one (and frees its seat first).
      await this.invitations.update(
        tenantId,
        { email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      await this.limits.assertWithinLimit(tenantId, 'users');
      const invitation = await this.invitations.insert(tenantId, {
        email,
        role: dto.role,
        tokenHash,
        invitedBy: actor.kind === 'user' ? actor.userId : null,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      });
      await this.audit.record(tenantId, 'user.invited', {
        targetType: 'invitation',
        targetId: invitation.id,
        data: { email, role: dto.role },
      });
      return {
        invitation,
        tenantName: (await this.tenants.get(tenantId))?.name ?? 'Contract Bank',
      };
    });
    await this.sendInvitation(tenantId, email, tenantName, token);
    return toInvitationDto(invitation);
  }

  /** The invitations that can still be accepted (not accepted, withdrawn or expired), newest first. */
  async listPending(tenantId: string): Promise<{ data: InvitationDto[]; nextCursor: null }> {
    const rows = await this.invitations.find(
      tenantId,
      { acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      { order: { createdAt: 'DESC', id: 'DESC' } },
    );
    return { data: rows.map(toInvitationDto), nextCursor: null };
  }

  /** Withdraws an invitation: its link stops working and its seat is freed. Twice is a no-op; accepted is 409. */
  async revoke(tenantId: string, id: string): Promise<void> {
    await this.db.run(tenantId, async () => {
      const row = await this.invitations.findOne(tenantId, { id });
      if (!row) throw new NotFoundError('Invitation');
      if (row.acceptedAt) {
        throw new DomainError(
          DomainErrorCode.InvalidState,
          'The invitation was already accepted; remove the member instead',
        );
      }
      if (row.revokedAt) return;
      await this.invitations.update(tenantId, { id }, { revokedAt: new Date() });
      await this.audit.record(tenantId, 'invitation.revoked', {
        targetType: 'invitation',
        targetId: id,
        data: { email: row.email, role: row.role },
      });
    });
  }

  async accept(dto: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    const tokenHash = hashInvitationToken(dto.token);
    const tenantId = await this.invitations.tenantOfToken(tokenHash);
    if (!tenantId) throw new NotFoundError('Invitation');
    const pending = await this.invitations.findOne(tenantId, { tokenHash });
    if (pending) {
      const company = (await this.tenants.get(tenantId))?.name;
      this.policy.assertAcceptable(dto.password, { email: pending.email, name: dto.name, company });
    }
    const passwordHash = await this.hasher.hash(dto.password);
    let joined: { user: UserEntity; tenantName: string };
    try {
      joined = await this.db.run(tenantId, async () => {
        const invitation = await this.invitations.findForUpdate(tenantId, tokenHash);
        if (
          !invitation ||
          invitation.acceptedAt ||
          invitation.revokedAt ||
          invitation.expiresAt.getTime() <= Date.now()
        ) {
          throw new DomainError(DomainErrorCode.NotFound, INVALID);
        }
        // The invitation already holds a seat; this re-checks in case the plan shrank since.
        await this.limits.assertWithinLimit(tenantId, 'users', 0);
        const user = await this.users.insert(tenantId, {
          email: invitation.email,
          name: dto.name,
          passwordHash,
          role: invitation.role as Role,
          // The invitation link reached this address: that proves it.
          emailVerifiedAt: new Date(),
        });
        await this.invitations.update(tenantId, { id: invitation.id }, { acceptedAt: new Date() });
        await this.audit.record(tenantId, 'user.joined', {
          actor: { kind: 'user', tenantId, userId: user.id, role: user.role, scopes: null },
          targetType: 'user',
          targetId: user.id,
          data: { email: user.email, role: user.role, invitationId: invitation.id },
        });
        return { user, tenantName: (await this.tenants.get(tenantId))?.name ?? '' };
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw new DomainError(DomainErrorCode.Conflict, 'This e-mail already has an account', [
          { field: 'token', message: 'the invited e-mail already has an account' },
        ]);
      }
      throw err;
    }
    // The new member is signed in: a session like any other (token issuing and refresh families).
    const tokens = await this.auth.startSession(joined.user);
    return {
      tenant: { id: tenantId, name: joined.tenantName },
      user: toUserDto(joined.user),
      ...tokens,
    };
  }

  private async sendInvitation(
    tenantId: string,
    email: string,
    tenantName: string,
    token: string,
  ): Promise<void> {
    const link = `${this.config.appUrl}/accept-invite?token=${encodeURIComponent(token)}`;
    try {
      // In the tenant's e-mail language (its alert settings).
      const language = (await this.alertSettings.get(tenantId))?.language;
      await this.mailer.send({
        to: email,
        ...renderInvitationEmail({ tenantName, link, days: INVITATION_TTL_DAYS, language }),
      });
    } catch (err) {
      // The invitation exists; inviting again sends a fresh link.
      this.logger.warn(`invitation e-mail to ${email} failed: ${(err as Error).message}`);
    }
  }
}

function toInvitationDto(invitation: InvitationEntity): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
