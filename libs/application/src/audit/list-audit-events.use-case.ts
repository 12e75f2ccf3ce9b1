import type { AuditEventEntity, AuditEventsRepository } from '@cb/persistence';
import { DEFAULT_PAGE_SIZE, asPage } from '../common/paging';

export interface ListAuditEventsQuery {
  tenantId: string;
  limit?: number;
  cursor?: string;
  contractId?: string;
}

/** The audit trail, newest first, paged by cursor (a cursor from elsewhere is a 400 naming `cursor`). */
export class ListAuditEvents {
  constructor(private readonly events: AuditEventsRepository) {}

  execute(
    q: ListAuditEventsQuery,
  ): Promise<{ rows: AuditEventEntity[]; nextCursor: string | null }> {
    return asPage(
      this.events.list(q.tenantId, {
        limit: q.limit ?? DEFAULT_PAGE_SIZE,
        cursor: q.cursor,
        contractId: q.contractId,
      }),
    );
  }
}
