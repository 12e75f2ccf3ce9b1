import type { ContractSummary } from '../api/types';
import { csvCell, exportColumns } from './export';

const row = (terms: Partial<ContractSummary['terms']>) =>
  ({ id: 'c1', tags: [], terms, deadlines: {} }) as unknown as ContractSummary;
const cell = (header: string, c: ContractSummary) =>
  exportColumns.find((col) => col.header === header)!.value(c);

describe('contract export: what a person reads', () => {
  it('writes the notice period in words, never as an ISO duration', () => {
    expect(cell('Notice period', row({ noticePeriod: 'P120D' }))).toBe('120 days');
    expect(cell('Notice period', row({ noticePeriod: 'P3M' }))).toBe('3 months');
    expect(cell('Notice period', row({ noticePeriod: null }))).toBeNull();
  });

  it('keeps formulas from running when the file is opened', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  });
});
