import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from './cli-command.types';
import { extractCommand, parseExtractArgs, type ExtractLine } from './extract.command';

const fixtures = path.resolve(__dirname, '../../../../libs/extraction/test/fixtures');

function capture(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
}

describe('contract-bank extract', () => {
  it('prints one JSON object per file per line and goes on after bad files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-extract-'));
    const txt = path.join(dir, 'contract.txt');
    writeFileSync(
      txt,
      'SERVICES AGREEMENT\nThis Agreement shall be governed by the laws of the State of Delaware.\n',
    );
    const files = [
      path.join(fixtures, 'not-ok/encrypted.pdf'),
      path.join(dir, 'missing.pdf'),
      txt,
      path.join(fixtures, 'not-ok/truncated.pdf'),
    ];
    const io = capture();
    const code = await extractCommand.run(['--jsonl', '--no-ocr', ...files], io);
    expect(code).toBe(1);
    expect(io.outLines).toHaveLength(4);
    const lines = io.outLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.file, l.status])).toEqual([
      [files[0], 'failed'],
      [files[1], 'failed'],
      [files[2], 'parsed'],
      [files[3], 'failed'],
    ]);
    expect(lines[0].error).toEqual({
      code: 'pdf_encrypted',
      message: 'The PDF is encrypted (password protected); upload an unprotected copy',
    });
    expect(lines[1].error).toMatchObject({ code: 'file_not_found' });
    expect(lines[2]).not.toHaveProperty('error');
    expect(lines[2]).toMatchObject({
      pages: 1,
      terms: { title: 'SERVICES AGREEMENT', governingLaw: 'Delaware' },
    });
    for (const key of [
      'file',
      'status',
      'language',
      'pages',
      'terms',
      'confidence',
      'candidates',
      'reviewReasons',
      'evidence',
      'obligations',
      'ms',
    ])
      expect(lines[2]).toHaveProperty(key);
  });

  it('exits 0 when every file parses', async () => {
    const io = capture();
    const code = await extractCommand.run(
      [
        '--no-ocr',
        path.join(fixtures, 'ok/LOGANSROADHOUSEINC_03_27_1998-EX-10.17-SPONSORSHIP_AGREEMENT.pdf'),
      ],
      io,
    );
    expect(code).toBe(0);
    const line = JSON.parse(io.outLines[0]) as ExtractLine;
    expect(line).toMatchObject({ language: 'en', terms: { governingLaw: 'Tennessee' } });
    // Read, and sent to review only for the reasons it lists (TERMS.md "Confidence and review").
    expect(line.status).toBe(line.reviewReasons.length > 0 ? 'needs_review' : 'parsed');
    for (const reason of line.reviewReasons) expect(line.candidates[reason.field!]).toBeDefined();
  });

  it('rejects missing files and unknown options with usage and exit code 2', async () => {
    const io = capture();
    expect(await extractCommand.run([], io)).toBe(2);
    expect(await extractCommand.run(['--bogus', 'a.pdf'], io)).toBe(2);
    expect(io.errLines.join('\n')).toMatch(/no files given[\s\S]*unknown option --bogus/);
    expect(parseExtractArgs(['--max-pages', '0', 'a.pdf'])).toBe(
      '--max-pages needs a positive whole number',
    );
    expect(parseExtractArgs(['--max-pages', '3', 'a.pdf'])).toEqual({
      files: ['a.pdf'],
      stdin: false,
      jsonl: false,
      ocr: true,
      maxPages: 3,
    });
  });
});
