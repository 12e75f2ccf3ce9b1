import { UserEntity } from '../entities/user.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

/** Team changes (role changes, removals) lock every member row, so two admins demoting the last two owners at
 *  the same moment cannot both pass the "one owner remains" rule. */
export class TeamRepository extends TenantScopedRepository<UserEntity> {
  constructor(db: TenantDb) {
    super(db, UserEntity);
  }

  lockMembers(tenantId: string): Promise<UserEntity[]> {
    return this.run(tenantId, (m) =>
      m.find(UserEntity, {
        where: this.scoped(tenantId),
        order: { createdAt: 'ASC', id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }
}
