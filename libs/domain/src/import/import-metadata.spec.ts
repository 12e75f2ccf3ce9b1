import {
  folderTags,
  isIgnoredImportEntry,
  parseFlexibleDate,
  parseFlexibleDuration,
  parseImportMetadata,
} from './import-metadata';

describe('the metadata CSV of an import', () => {
  it('reads a semicolon CSV with a BOM, day-first dates and quoted values (what Excel writes in Finland)', () => {
    const csv =
      '\uFEFFfile;title;counterparty;tags;effectiveDate;noticePeriod;autoRenewal;contractValue\r\n' +
      'Suppliers/acme.pdf;"Acme; supply";Acme Oy;supply;critical;1.2.2024;3 months;kyllä;48 000,50 EUR\r\n' +
      '"Leases/office ""HQ"".pdf";Office lease;;;31/12/2023;P90D;no;\r\n';
    const { rows, errors } = parseImportMetadata(
      csv.replace('supply;critical', '"supply;critical"'),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        file: 'Suppliers/acme.pdf',
        title: 'Acme; supply',
        counterparty: 'Acme Oy',
        tags: ['supply', 'critical'],
        terms: {
          effectiveDate: '2024-02-01',
          noticePeriod: 'P3M',
          autoRenewal: true,
          contractValue: { amount: 48000.5, currency: 'EUR' },
        },
      },
      {
        line: 3,
        file: 'Leases/office "HQ".pdf',
        title: 'Office lease',
        terms: { effectiveDate: '2023-12-31', noticePeriod: 'P90D', autoRenewal: false },
      },
    ]);
  });

  it('reads a comma CSV with ISO dates, parentFile and ownerEmail', () => {
    const { rows, errors } = parseImportMetadata(
      'File,Title,parentFile,ownerEmail,expirationDate\n./msa.pdf,MSA,,CFO@Example.com,2027-12-31\namendment.pdf,Amendment 1,msa.pdf,,\n',
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      file: 'msa.pdf',
      ownerEmail: 'cfo@example.com',
      terms: { expirationDate: '2027-12-31' },
    });
    expect(rows[1]).toMatchObject({ file: 'amendment.pdf', parentFile: 'msa.pdf', terms: {} });
  });

  it('names the line and the column of every bad value', () => {
    const { errors } = parseImportMetadata(
      'file;effectiveDate;noticePeriod;autoRenewal\na.pdf;31.02.2024;3 fortnights;maybe\n;2024-01-01;;\na.pdf;;;\n',
    );
    expect(errors.map((e) => e.message)).toEqual([
      'line 2: effectiveDate "31.02.2024" is not a date such as 2025-01-31 or 31.1.2025',
      'line 2: noticePeriod "3 fortnights" is not a duration such as P3M or 3 months',
      'line 2: autoRenewal "maybe" is not yes or no',
      'line 3: the file column is empty',
      'line 4: "a.pdf" is already described on line 2',
    ]);
    expect(errors.every((e) => e.field === 'metadata')).toBe(true);
  });

  it('refuses unknown columns and a CSV without a file column', () => {
    expect(parseImportMetadata('path;colour\nx;y\n').errors.map((e) => e.message)).toEqual([
      'line 1: unknown column "path"',
      'line 1: unknown column "colour"',
      'line 1: a "file" column (the path inside the ZIP) is required',
    ]);
    expect(parseImportMetadata('').errors[0]!.message).toMatch(/empty/);
  });

  it('counts lines inside quoted line breaks', () => {
    const { errors } = parseImportMetadata('file,title,effectiveDate\na.pdf,"two\nlines",x\n');
    expect(errors[0]!.message).toMatch(/^line 2: /);
    const next = parseImportMetadata('file,title,effectiveDate\na.pdf,"two\nlines",\nb.pdf,,bad\n');
    expect(next.errors[0]!.message).toMatch(/^line 4: /);
  });
});

describe('import paths', () => {
  it('makes folder names tags', () => {
    expect(folderTags('Suppliers/2024/acme.pdf')).toEqual(['Suppliers', '2024']);
    expect(folderTags('acme.pdf')).toEqual([]);
  });

  it('ignores macOS resource forks and hidden files', () => {
    expect(isIgnoredImportEntry('__MACOSX/Suppliers/._acme.pdf')).toBe(true);
    expect(isIgnoredImportEntry('Suppliers/.DS_Store')).toBe(true);
    expect(isIgnoredImportEntry('Suppliers/acme.pdf')).toBe(false);
    expect(isIgnoredImportEntry('../escape.pdf')).toBe(false); // reported as unsafe, not hidden
  });

  it('reads dates and durations as people write them', () => {
    expect(parseFlexibleDate('7.4.2025')).toBe('2025-04-07');
    expect(parseFlexibleDate('2025-04-07')).toBe('2025-04-07');
    expect(parseFlexibleDate('04/31/2025')).toBeNull();
    expect(parseFlexibleDuration('6 kuukautta')).toBe('P6M');
    expect(parseFlexibleDuration('1 år')).toBe('P1Y');
  });
});
