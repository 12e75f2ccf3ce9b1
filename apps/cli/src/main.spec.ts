import type { CliCommand, CliIo } from './commands';
import { main } from './main';

function capture(): CliIo & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
}

const fake = (name: string, seen: string[][]): CliCommand => ({
  name,
  summary: `the ${name} command`,
  usage: `contract-bank ${name} ARGS`,
  run: async (args) => {
    seen.push([name, ...args]);
    return 0;
  },
});

describe('contract-bank main', () => {
  it('dispatches to the command named by the first words, passing the rest', async () => {
    const seen: string[][] = [];
    const io = capture();
    const code = await main(['extract', '--jsonl', 'a.pdf'], io, [
      fake('extract', seen),
      fake('billing activate', seen),
    ]);
    expect(code).toBe(0);
    expect(seen).toEqual([['extract', '--jsonl', 'a.pdf']]);
  });

  it('supports multi-word commands such as "billing activate"', async () => {
    const seen: string[][] = [];
    await main(['billing', 'activate', 'tenant-1'], capture(), [
      fake('extract', seen),
      fake('billing activate', seen),
    ]);
    expect(seen).toEqual([['billing activate', 'tenant-1']]);
  });

  it('rejects an unknown command with exit code 2 and the list of commands', async () => {
    const io = capture();
    expect(await main(['frobnicate'], io, [fake('extract', [])])).toBe(2);
    expect(io.errLines.join('\n')).toMatch(
      /unknown command "frobnicate"[\s\S]*contract-bank extract ARGS/,
    );
  });

  it('prints help on --help with exit code 0', async () => {
    const io = capture();
    expect(await main(['--help'], io, [fake('extract', [])])).toBe(0);
    expect(io.outLines.join('\n')).toContain('the extract command');
  });
});
