import { Inject, Injectable } from '@nestjs/common';
import { ContractOwners } from '@cb/application';
import {
  assertOwnerRemains,
  canAssignRole,
  DomainError,
  DomainErrorCode,
  NotFoundError,
  type Role,
} from '@cb/domain';
import {
  ApiKeysRepository,
  TeamRepository,
  TenantDb,
  UsersRepository,
  type UserEntity,
} from '@cb/persistence';
import { IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SessionRevocations } from '../auth/session-revocations';
import { actorOf, type Principal } from '../common/auth/principal';
import type { TeamMemberDto } from './dto/user.dto';

export const toTeamMemberDto = (u: UserEntity): TeamMemberDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
});

@Injectable()
export class UsersService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(TeamRepository) private readonly team: TeamRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ApiKeysRepository) private readonly apiKeys: ApiKeysRepository,
    @Inject(SessionRevocations) private readonly sessions: SessionRevocations,
    @Inject(ContractOwners) private readonly contractOwners: ContractOwners,
  ) {}

  async list(tenantId: string): Promise<{ data: TeamMemberDto[]; nextCursor: null }> {
    const rows = await this.users.find(tenantId, {}, { order: { createdAt: 'ASC', id: 'ASC' } });
    return { data: rows.map(toTeamMemberDto), nextCursor: null };
  }

  async changeRole(actor: Principal, userId: string, role: Role): Promise<TeamMemberDto> {
    return this.db.run(actor.tenantId, async () => {
      const members = await this.team.lockMembers(actor.tenantId);
      const target = members.find((u) => u.id === userId);
      if (!target) throw new NotFoundError('User');
      if (!canAssignRole(actor.role, target.role, role)) {
        throw new DomainError(
          DomainErrorCode.Forbidden,
          'Only an owner may grant or take away the owner role',
        );
      }
      if (target.role === role) return toTeamMemberDto(target);
      assertOwnerRemains(members, { type: 'changeRole', userId, role });
      await this.users.update(actor.tenantId, { id: userId }, { role });
      await this.audit.record(actor.tenantId, 'user.role_changed', {
        targetType: 'user',
        targetId: userId,
        data: { email: target.email, from: target.role, to: role },
      });
      return toTeamMemberDto({ ...target, role });
    });
  }

  /**
   * Removes a member: their sessions end at once, and the API keys they created are revoked (each recorded in
   * the audit trail), so access does not outlive the person who was given it. The contracts they owned lose
   * their owner (alerts for them go to the admins until someone takes them over).
   */
  async remove(actor: Principal, userId: string): Promise<void> {
    await this.db.run(actor.tenantId, async () => {
      const members = await this.team.lockMembers(actor.tenantId);
      const target = members.find((u) => u.id === userId);
      if (!target) throw new NotFoundError('User');
      if (target.role === 'owner' && actor.role !== 'owner') {
        throw new DomainError(DomainErrorCode.Forbidden, 'Only an owner may remove an owner');
      }
      assertOwnerRemains(members, { type: 'remove', userId });
      const keys = await this.apiKeys.find(actor.tenantId, {
        createdBy: userId,
        revokedAt: IsNull(),
      });
      if (keys.length) {
        await this.apiKeys.update(
          actor.tenantId,
          { createdBy: userId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
      }
      for (const key of keys) {
        await this.audit.record(actor.tenantId, 'apikey.revoked', {
          targetType: 'apiKey',
          targetId: key.id,
          data: { name: key.name, prefix: key.prefix, reason: 'creator_removed', userId },
        });
      }
      // Refresh tokens revoked, live access tokens marked (the user row goes too, which also refuses them).
      await this.sessions.revokeUserSessions(actor.tenantId, userId);
      const releasedContracts = await this.contractOwners.releaseContractsOf(
        actor.tenantId,
        userId,
        actorOf(actor),
      );
      await this.users.delete(actor.tenantId, { id: userId });
      await this.audit.record(actor.tenantId, 'user.removed', {
        targetType: 'user',
        targetId: userId,
        data: {
          email: target.email,
          role: target.role,
          revokedApiKeys: keys.length,
          releasedContracts,
        },
      });
    });
  }
}
