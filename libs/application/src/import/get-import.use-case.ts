import { NotFoundError } from '@cb/domain';
import type { ImportsRepository, TenantDb } from '@cb/persistence';
import { DEFAULT_PAGE_SIZE, asPage } from '../common/paging';
import { importProgress, type ImportRecord } from './import-record';

const NONE = { created: 0, duplicates: 0, failed: 0, pending: 0, parsing: 0 };

/** One import with its progress and each file's outcome; another tenant's import is "not found". */
export class GetImport {
  constructor(
    private readonly db: TenantDb,
    private readonly imports: ImportsRepository,
  ) {}

  execute(tenantId: string, id: string): Promise<ImportRecord> {
    return this.db.run(tenantId, async () => {
      const imp = await this.imports.get(tenantId, id);
      if (!imp) throw new NotFoundError('Import');
      const counts = (await this.imports.counts(tenantId, [id])).get(id) ?? NONE;
      return {
        import: imp,
        ...importProgress(imp, counts),
        items: await this.imports.itemViews(tenantId, id),
      };
    });
  }
}

/** The tenant's imports, newest first, with their counts (no items). */
export class ListImports {
  constructor(
    private readonly db: TenantDb,
    private readonly imports: ImportsRepository,
  ) {}

  execute(
    tenantId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<{ data: ImportRecord[]; nextCursor: string | null }> {
    return this.db.run(tenantId, async () => {
      const { rows, nextCursor } = await asPage(
        this.imports.list(tenantId, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor),
      );
      const counts = await this.imports.counts(
        tenantId,
        rows.map((r) => r.id),
      );
      return {
        data: rows.map((imp) => ({
          import: imp,
          ...importProgress(imp, counts.get(imp.id) ?? NONE),
        })),
        nextCursor,
      };
    });
  }
}
