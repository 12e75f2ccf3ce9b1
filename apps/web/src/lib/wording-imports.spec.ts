import fs from 'node:fs';
import path from 'node:path';

// The web UI imports libs/domain/src/contract/deadline-wording.ts through the alias @cb/domain/wording (see
// apps/web/vite.config.mts). That module and everything it imports end up in the browser bundle, so they must
// stay pure: relative imports inside libs/domain only, no package, no Node built-in.
const DOMAIN = path.resolve(__dirname, '../../../../libs/domain/src');
const ENTRY = path.join(DOMAIN, 'contract/deadline-wording.ts');

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1],
  );
}

function closure(entry: string): { files: string[]; bare: string[] } {
  const seen = new Set<string>();
  const bare: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) {
        bare.push(`${path.relative(DOMAIN, file)}: ${spec}`);
        continue;
      }
      visit(path.resolve(path.dirname(file), `${spec}.ts`));
    }
  };
  visit(entry);
  return { files: [...seen], bare };
}

describe('the deadline wording the browser shares with the e-mails', () => {
  it('imports only pure files of libs/domain: no package, no Node built-in', () => {
    const { files, bare } = closure(ENTRY);
    expect(bare).toEqual([]);
    for (const f of files) {
      expect(f.startsWith(DOMAIN + path.sep)).toBe(true);
      expect(fs.existsSync(f)).toBe(true);
    }
    // What the bundle takes: the wording, its calendar arithmetic, title casing, types and the error class.
    expect(files.map((f) => path.relative(DOMAIN, f)).sort()).toEqual([
      'common/domain.error.ts',
      'contract/calendar-date.ts',
      'contract/contract-terms.types.ts',
      'contract/deadline-wording.ts',
      'contract/title-case.ts',
    ]);
  });

  it('is the file the web alias points to', () => {
    const vite = fs.readFileSync(path.resolve(__dirname, '../../vite.config.mts'), 'utf8');
    expect(vite).toContain("'../../libs/domain/src/contract/deadline-wording.ts'");
    const tsconfig = fs.readFileSync(path.resolve(__dirname, '../../tsconfig.json'), 'utf8');
    expect(tsconfig).toContain(
      '"@cb/domain/wording": ["../../libs/domain/src/contract/deadline-wording.ts"]',
    );
  });
});
