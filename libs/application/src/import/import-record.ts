import type { ImportEntity, ImportItemView } from '@cb/persistence';

/** An import as the API shows it: progress, counts and each file's outcome. */
export interface ImportRecord {
  import: ImportEntity;
  status: 'running' | 'done';
  total: number;
  processed: number;
  created: number;
  duplicates: number;
  failed: number;
  /** Present for one import (GET :id); lists carry only the counts. */
  items?: ImportItemView[];
}

/**
 * Where an import stands: `done` once every file has its outcome and every contract it created has left
 * `processing` (parsed, needs review or failed); a file counts as processed at that point.
 */
export function importProgress(
  imp: ImportEntity,
  counts: { created: number; duplicates: number; failed: number; pending: number; parsing: number },
): Omit<ImportRecord, 'import' | 'items'> {
  const total = imp.total ?? 0;
  const processed = counts.created - counts.parsing + counts.duplicates + counts.failed;
  const done = imp.expandedAt !== null && counts.pending === 0 && counts.parsing === 0;
  return {
    status: done ? 'done' : 'running',
    total,
    processed,
    created: counts.created,
    duplicates: counts.duplicates,
    failed: counts.failed,
  };
}
