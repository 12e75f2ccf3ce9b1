import type { ImportRecord } from '@cb/application';
import type { ImportDto } from './import.dto';

export function toImportResponse(r: ImportRecord): ImportDto {
  const i = r.import;
  return {
    id: i.id,
    status: r.status,
    total: r.total,
    processed: r.processed,
    created: r.created,
    duplicates: r.duplicates,
    failed: r.failed,
    fileName: i.fileName,
    error: i.errorCode ? { code: i.errorCode, message: i.errorMessage ?? '' } : null,
    createdAt: i.createdAt.toISOString(),
    ...(r.items
      ? {
          // Files still waiting to be read are not listed: an item appears once it has its outcome.
          items: r.items
            .filter((it) => it.outcome !== 'pending')
            .map((it) => ({
              path: it.path,
              outcome: it.outcome,
              contractId: it.contractId,
              contractStatus: it.contractStatus,
              message: it.message,
            })),
        }
      : {}),
  };
}
