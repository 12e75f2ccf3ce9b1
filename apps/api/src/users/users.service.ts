import { Inject, Injectable } from '@nestjs/common';
import {
  assertOwnerRemains,
  canAssignRole,
  DomainError,
  DomainErrorCode,
  NotFoundError,
  type Role,
} from '@cb/domain';
import {
  RefreshTokensRepository,
  TeamRepository,
  TenantDb,
  UsersRepository,
  type UserEntity,
} from '@cb/persistence';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
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
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(AuditService) private readonly audit: AuditService,
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

  /** Removes a member: their refresh tokens are revoked and their access tokens stop working at once. */
  async remove(actor: Principal, userId: string): Promise<void> {
    await this.db.run(actor.tenantId, async () => {
      const members = await this.team.lockMembers(actor.tenantId);
      const target = members.find((u) => u.id === userId);
      if (!target) throw new NotFoundError('User');
      if (target.role === 'owner' && actor.role !== 'owner') {
        throw new DomainError(DomainErrorCode.Forbidden, 'Only an owner may remove an owner');
      }
      assertOwnerRemains(members, { type: 'remove', userId });
      await this.refreshTokens.revokeUser(actor.tenantId, userId);
      await this.users.delete(actor.tenantId, { id: userId });
      await this.audit.record(actor.tenantId, 'user.removed', {
        targetType: 'user',
        targetId: userId,
        data: { email: target.email, role: target.role },
      });
    });
  }
}
