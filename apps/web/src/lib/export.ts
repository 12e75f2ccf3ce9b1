import { api, type Query } from '../api/client';
import type { ContractSummary, Page } from '../api/types';
import { t } from '../i18n';
import { formatDuration, parseIsoDate, todayIso } from './format';

const MAX_EXPORT_ROWS = 10_000;

/** Every contract of the current view (same filters and sort), page by page. */
export async function fetchAllContracts(
  query: Query,
  max = MAX_EXPORT_ROWS,
): Promise<{ rows: ContractSummary[]; truncated: boolean }> {
  const rows: ContractSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ContractSummary> = await api<Page<ContractSummary>>('/v1/contracts', {
      query: { ...query, limit: 100, cursor },
    });
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && rows.length < max);
  return { rows, truncated: Boolean(cursor) };
}

type Cell = string | number | boolean | Date | null;
export interface Column {
  header: string;
  value(c: ContractSummary): Cell;
  width?: number;
}

/** The export's columns, in order: what a person reads (durations in words, never `P90D`). */
export const exportColumns: Column[] = [
  {
    header: t('contracts.columns.title'),
    value: (c) => c.title ?? c.terms?.title ?? c.file?.name ?? null,
    width: 40,
  },
  { header: t('contracts.columns.counterparty'), value: (c) => c.counterparty, width: 28 },
  {
    header: t('contracts.columns.status'),
    value: (c) => t(`status.${c.status}` as 'status.parsed'),
    width: 14,
  },
  {
    header: t('contracts.columns.noticeDeadline'),
    value: (c) => date(c.deadlines?.noticeDeadline),
    width: 14,
  },
  {
    header: t('contracts.columns.nextRenewalDate'),
    value: (c) => date(c.deadlines?.nextRenewalDate),
    width: 14,
  },
  {
    header: t('contracts.columns.expirationDate'),
    value: (c) => date(c.deadlines?.expirationDate ?? c.terms?.expirationDate),
    width: 14,
  },
  {
    header: t('contracts.columns.autoRenewal'),
    value: (c) => c.terms?.autoRenewal ?? null,
    width: 12,
  },
  {
    header: t('contracts.columns.noticePeriod'),
    value: (c) => (c.terms?.noticePeriod ? formatDuration(c.terms.noticePeriod) : null),
    width: 12,
  },
  {
    header: t('contracts.columns.value'),
    value: (c) => c.terms?.contractValue?.amount ?? null,
    width: 14,
  },
  { header: t('terms.currency'), value: (c) => c.terms?.contractValue?.currency ?? null, width: 8 },
  {
    header: t('contracts.columns.governingLaw'),
    value: (c) => c.terms?.governingLaw ?? null,
    width: 18,
  },
  { header: t('contracts.columns.tags'), value: (c) => (c.tags ?? []).join(', '), width: 20 },
  {
    header: t('contracts.columns.updatedAt'),
    value: (c) => (c.updatedAt ? new Date(c.updatedAt) : null),
    width: 18,
  },
  { header: t('contracts.columns.id'), value: (c) => c.id, width: 38 },
];

function date(iso: string | null | undefined): Date | null {
  return iso ? parseIsoDate(iso) : null;
}

function fileName(ext: string): string {
  return `${t('export.fileName', { date: todayIso() })}.${ext}`;
}

export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (v instanceof Date)
    s = Number.isNaN(v.getTime()) ? '' : v.toISOString().replace('T00:00:00.000Z', '');
  else s = String(v);
  // Keep spreadsheet formulas from running when the file is opened (CSV injection).
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportCsv(rows: ContractSummary[]) {
  const lines = [exportColumns.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(exportColumns.map((c) => csvCell(c.value(r))).join(','));
  // BOM so Excel opens UTF-8 (ä, ö, å) correctly.
  download(
    new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }),
    fileName('csv'),
  );
}

export async function exportXlsx(rows: ContractSummary[]) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = exportColumns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const data = rows.map((r) =>
    exportColumns.map((c) => {
      const v = c.value(r);
      if (v instanceof Date)
        return {
          value: v,
          format: c.header === t('contracts.columns.updatedAt') ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd',
        };
      return { value: v };
    }),
  );
  const blob = await writeXlsxFile(
    [header, ...data] as never,
    {
      columns: exportColumns.map((c) => ({ width: c.width ?? 14 })),
      sheet: t('export.sheetName'),
      stickyRowsCount: 1,
    } as never,
  ).toBlob();
  download(blob, fileName('xlsx'));
}
