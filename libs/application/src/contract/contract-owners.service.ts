import { ValidationError } from '@cb/domain';
import type { ContractsRepository, UsersRepository } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';

/**
 * Who owns a contract. An owner is a user of the same tenant (read through the tenant-scoped repository, so
 * another tenant's user is as unknown as an id that does not exist); a user who leaves the team gives up their
 * contracts, whose alerts then go to the admins until someone takes them over.
 */
export class ContractOwners {
  constructor(
    private readonly users: UsersRepository,
    private readonly contracts: ContractsRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Throws a ValidationError naming `field` unless `userId` is a user of the tenant. */
  async assertTeamMember(tenantId: string, userId: string, field = 'ownerId'): Promise<void> {
    if (await this.users.findOne(tenantId, { id: userId })) return;
    throw new ValidationError('The owner must be a user of this team', [
      { field, message: 'is not a user of this team' },
    ]);
  }

  /** The tenant's users by e-mail address (lower case), for addresses given in a file. */
  async idsByEmail(tenantId: string): Promise<Map<string, string>> {
    const users = await this.users.find(tenantId, {});
    return new Map(users.map((u) => [u.email.trim().toLowerCase(), u.id]));
  }

  /**
   * A user is being removed: the contracts they own lose their owner (each change in the audit trail, old ->
   * new). Call in the removal's transaction, before the user row goes. Answers how many contracts it released.
   */
  async releaseContractsOf(tenantId: string, userId: string, actor: Actor): Promise<number> {
    const released = await this.contracts.releaseOwner(tenantId, userId);
    for (const contractId of released) {
      await this.audit.record(tenantId, 'contract.updated', {
        actor,
        targetType: 'contract',
        targetId: contractId,
        contractId,
        data: {
          fields: ['ownerId'],
          terms: [],
          owner: { from: userId, to: null },
          reason: 'owner_removed',
        },
      });
    }
    return released.length;
  }
}
