import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { jwtSecretProblem } from '../../libs/config/src/secret-policy';

const ROOT = path.resolve(__dirname, '../..');
const TEXT =
  /\.(ya?ml|env|example|md|ts|tsx|js|mjs|cjs|json|sh|txt|conf|toml|ini)$|(^|\/)(\.env[^/]*|Dockerfile)$/;
// `JWT_SECRET: value`, `JWT_SECRET=value`, `JWT_SECRET: 'value'`, `"JWT_SECRET": "value"`.
const ASSIGNMENT = /JWT_SECRET["']?\s*[:=]\s*(["'`]?)([^\s"'`,})]+)/g;

/** Every literal JWT_SECRET value written in a tracked file of the repository, with where it is. */
function shippedSecrets(): Array<{ file: string; value: string }> {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => TEXT.test(f) && f !== 'package-lock.json');
  const found: Array<{ file: string; value: string }> = [];
  for (const file of files) {
    const abs = path.join(ROOT, file);
    if (!fs.existsSync(abs)) continue;
    const text = fs.readFileSync(abs, 'utf8');
    for (const match of text.matchAll(ASSIGNMENT)) {
      const value = match[2];
      const after = text[(match.index ?? 0) + match[0].length];
      // Code (randomBytes(32)...), shell or compose variables (${JWT_SECRET:?...}) are not literals.
      if (value.startsWith('$') || (!match[1] && after === '(')) continue;
      found.push({ file, value });
    }
  }
  return found;
}

describe('hardening item 5: no JWT_SECRET shipped in the repository starts a production process', () => {
  const shipped = shippedSecrets();

  it('finds the example values (the scan is not empty)', () => {
    expect(shipped.map((s) => s.value)).toContain('bench-secret-bench-secret-bench-secret-0000');
  });

  it('refuses every one of them', () => {
    const accepted = shipped.filter((s) => jwtSecretProblem(s.value) === null);
    expect(accepted).toEqual([]);
  });

  it('ships no usable default in docker/compose.yaml: compose asks for one', () => {
    const compose = fs.readFileSync(path.join(ROOT, 'docker/compose.yaml'), 'utf8');
    expect(compose).toMatch(/JWT_SECRET: \$\{JWT_SECRET:\?/);
    expect(
      jwtSecretProblem('change-me-to-a-long-random-secret-of-32-chars-or-more'),
    ).not.toBeNull();
  });
});
