import type {
  EntityManager,
  EntityTarget,
  FindOptionsOrder,
  FindOptionsWhere,
  ObjectLiteral,
} from 'typeorm';
import { findOne } from './raw-rows';
import { assertTenantId, type TenantDb } from './tenant-db';

type TenantOwned = ObjectLiteral & { tenantId: string };

/**
 * Repository base for tenant tables: tenantId is always the first argument, is merged into every
 * WHERE, is stamped on every insert, and may not appear in a caller's own filter.
 */
export class TenantScopedRepository<T extends TenantOwned> {
  constructor(
    protected readonly db: TenantDb,
    protected readonly entity: EntityTarget<T>,
  ) {}

  protected run<R>(tenantId: string, fn: (m: EntityManager) => Promise<R>): Promise<R> {
    return this.db.run(tenantId, fn);
  }

  protected scoped(tenantId: string, where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    assertTenantId(tenantId);
    if ('tenantId' in where)
      throw new Error('tenantId must come from the first argument, not the filter');
    return { ...where, tenantId } as FindOptionsWhere<T>;
  }

  findOne(tenantId: string, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.run(tenantId, (m) => findOne(m, this.entity, this.scoped(tenantId, where)));
  }

  find(
    tenantId: string,
    where: FindOptionsWhere<T> = {},
    options: { order?: FindOptionsOrder<T>; take?: number } = {},
  ): Promise<T[]> {
    return this.run(tenantId, (m) =>
      m.find(this.entity, { where: this.scoped(tenantId, where), ...options }),
    );
  }

  count(tenantId: string, where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.run(tenantId, (m) => m.count(this.entity, { where: this.scoped(tenantId, where) }));
  }

  async insert(tenantId: string, values: Omit<Partial<T>, 'tenantId'>): Promise<T> {
    assertTenantId(tenantId);
    return this.run(tenantId, (m) =>
      m.save(this.entity, m.create(this.entity, { ...values, tenantId } as unknown as T)),
    );
  }

  async update(
    tenantId: string,
    where: FindOptionsWhere<T>,
    patch: Omit<Partial<T>, 'tenantId'>,
  ): Promise<number> {
    return this.run(tenantId, async (m) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's partial-entity type is not expressible here
      const result = await m.update(this.entity, this.scoped(tenantId, where), patch as any);
      return result.affected ?? 0;
    });
  }

  async delete(tenantId: string, where: FindOptionsWhere<T>): Promise<number> {
    return this.run(
      tenantId,
      async (m) => (await m.delete(this.entity, this.scoped(tenantId, where))).affected ?? 0,
    );
  }
}
