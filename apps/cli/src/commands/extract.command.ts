import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extractDocument, warmParserSandbox, type ExtractionResult } from '@cb/extraction';
import type { CliCommand, CliIo } from './cli-command.types';

/** The line printed for one file (TERMS.md "Command line"). */
export interface ExtractLine {
  file: string;
  status: ExtractionResult['status'];
  error?: ExtractionResult['error'];
  language: ExtractionResult['language'];
  pages: number;
  ocrPages: number[];
  terms: ExtractionResult['terms'];
  confidence: ExtractionResult['confidence'];
  candidates: ExtractionResult['candidates'];
  reviewReasons: ExtractionResult['reviewReasons'];
  evidence: ExtractionResult['evidence'];
  obligations: ExtractionResult['obligations'];
  ms: number;
}

interface ExtractArgs {
  files: string[];
  /** Also read file names from standard input, one a line, each extracted as soon as its line arrives. */
  stdin: boolean;
  jsonl: boolean;
  ocr: boolean;
  maxPages?: number;
}

export function parseExtractArgs(args: string[]): ExtractArgs | string {
  const parsed: ExtractArgs = { files: [], stdin: false, jsonl: false, ocr: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--jsonl') parsed.jsonl = true;
    else if (arg === '--no-ocr') parsed.ocr = false;
    else if (arg === '--stdin') parsed.stdin = true;
    else if (arg === '--max-pages') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1) return '--max-pages needs a positive whole number';
      parsed.maxPages = value;
    } else if (arg === '--') {
      parsed.files.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else parsed.files.push(arg);
  }
  if (parsed.files.length === 0 && !parsed.stdin) return 'no files given';
  return parsed;
}

export async function extractFile(
  file: string,
  options: { ocr: boolean; maxPages?: number },
): Promise<ExtractLine> {
  const started = performance.now();
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch (error) {
    const code =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file_not_found' : 'file_unreadable';
    const message =
      code === 'file_not_found'
        ? `No such file: ${file}`
        : `The file could not be read (${(error as Error).message})`;
    const empty = await extractDocument(new Uint8Array(0), { ocr: false });
    return {
      file,
      status: 'failed',
      error: { code, message },
      language: null,
      pages: 0,
      ocrPages: [],
      terms: empty.terms,
      confidence: {},
      candidates: {},
      reviewReasons: [],
      evidence: {},
      obligations: [],
      ms: Math.round(performance.now() - started),
    };
  }
  const result = await extractDocument(data, {
    fileName: file,
    ocr: options.ocr,
    maxPages: options.maxPages,
  });
  const line: ExtractLine = {
    file,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    language: result.language,
    pages: result.pages,
    ocrPages: result.ocrPages,
    terms: result.terms,
    confidence: result.confidence,
    candidates: result.candidates,
    reviewReasons: result.reviewReasons,
    evidence: result.evidence,
    obligations: result.obligations,
    ms: result.ms,
  };
  return line;
}

/** Whether a file will probably need the parser sandbox (anything but plain text), to start it early. */
function needsParser(file: string): boolean {
  return !/\.txt$/i.test(file);
}

/**
 * `contract-bank extract [--jsonl] [--no-ocr] [--max-pages N] [--stdin] FILE...`: one JSON object per file per
 * line. With `--stdin` the file names (one a line) also come from standard input and each is extracted as its
 * line arrives, so one process can serve a stream of files the way the worker does.
 */
export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'extract contract terms from PDF, DOCX or TXT files (one JSON object per file per line)',
  usage: 'contract-bank extract [--jsonl] [--no-ocr] [--max-pages N] [--stdin] FILE...',
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseExtractArgs(args);
    if (typeof parsed === 'string') {
      io.err(`contract-bank extract: ${parsed}\nusage: ${this.usage}`);
      return 2;
    }
    // The parser process (Node and pdf.js) starts while this one reads the first file and loads the rules.
    if (parsed.stdin || parsed.files.some(needsParser)) warmParserSandbox();
    let failed = 0;
    const one = async (file: string) => {
      // One bad file never stops the others: extractFile reports failures as lines.
      const line = await extractFile(file, { ocr: parsed.ocr, maxPages: parsed.maxPages });
      if (line.status === 'failed') failed++;
      io.out(JSON.stringify(line));
    };
    for (const file of parsed.files) await one(file);
    if (parsed.stdin) {
      for await (const entry of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        const file = entry.trim();
        if (file) await one(file);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
