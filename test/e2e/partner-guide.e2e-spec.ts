import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../support/test-server';

const run = promisify(execFile);
const GUIDE = path.resolve(__dirname, '../../docs/api.md');
const SAMPLE = path.resolve(
  __dirname,
  '../../samples/contracts/VISIUMTECHNOLOGIES_INC_10_20_2004-EX-10.20-DISTRIBUTOR_AGREEMENT.pdf',
);

/** The partner guide's `bash` blocks, in order (other blocks are illustrations and are not run). */
function guideScript(): string {
  const md = fs.readFileSync(GUIDE, 'utf8');
  return [...md.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

describe('docs/api.md: every curl example runs against a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  it('authenticates with an API key, uploads idempotently, waits for parsing and reads terms and deadlines', async () => {
    const script = guideScript();
    expect(script).toMatch(/curl/);
    // In a folder of its own: the guide's downloads (curl -OJ of a notice letter) land there, not in the checkout.
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-partner-guide-'));
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd,
      env: { ...process.env, BASE: server.url, SAMPLE_PDF: SAMPLE },
      timeout: 120_000,
    }).finally(() => fs.rmSync(cwd, { recursive: true, force: true }));
    expect(stdout).toMatch(/key prefix: cbk_/);
    expect(stdout).toMatch(/expiring key: [0-9a-f]{8} until \d{4}-\d{2}-\d{2}T/);
    expect(stdout).toMatch(/uploaded [0-9a-f-]{36}/);
    expect(stdout).toMatch(/idempotent replay ok/);
    expect(stdout).toMatch(/duplicate refused ok/);
    expect(stdout).toMatch(/status: (parsed|needs_review)/);
    expect(stdout).toMatch(/"noticePeriodSource": "user"/);
    expect(stdout).toMatch(/\{"renewalTerm":"P1Y","source":"user","evidence":/);
    expect(stdout).toMatch(/"kind":"notice"/);
    expect(stdout).toMatch(/"count": 1/);
    expect(stdout).toMatch(/"status":400,"code":"validation_failed","errors":\[\{"field":"limit"/);
  }, 150_000);
});
