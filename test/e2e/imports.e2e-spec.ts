import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { craftZip, deflateBomb, type CraftedEntry } from '@cb/archive';
import { JobPublisher } from '@cb/jobs';
import type { AppConfig } from '../../libs/config/src/app-config';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

const SAMPLE = path.resolve(
  __dirname,
  '../../samples/contracts/DUOSTECHNOLOGIESGROUP_INC_04_21_2009-EX-10.1-STRATEGIC_ALLIANCE_AGREEMENT.pdf',
);
const text = (s: string) => Buffer.from(s, 'utf8');

interface ImportBody {
  id: string;
  status: 'running' | 'done';
  total: number;
  processed: number;
  created: number;
  duplicates: number;
  failed: number;
  error: { code: string; message: string } | null;
  items: {
    path: string;
    outcome: string;
    contractId: string | null;
    contractStatus: string | null;
    message: string | null;
  }[];
}

async function waitForImport(
  url: string,
  token: string,
  id: string,
  timeoutMs = 120_000,
): Promise<ImportBody> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(url).get(`/v1/imports/${id}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`GET import: ${res.status}`);
    if (res.body.status === 'done') return res.body as ImportBody;
    if (Date.now() > until)
      throw new Error(`import ${id} still running: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('bulk import: a ZIP with a metadata CSV', () => {
  let server: TestServer;
  let a: SignedUp;

  beforeAll(async () => {
    server = await startTestServer({
      env: { MAX_UPLOAD_MB: '1', MAX_IMPORT_FILES: '20', MAX_IMPORT_MB: '3' },
    });
    a = await signUp(server.url, { company: 'Archive Oy' });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  const auth = () => ({ Authorization: `Bearer ${a.token}` });
  const post = () => request(server.url).post('/v1/imports').set(auth());

  it('makes a contract of each file with folders as tags and the CSV kept as set by a person, and reports every other entry', async () => {
    const supply = text(
      'SUPPLY AGREEMENT between Archive Oy and Acme AB.\nThis Agreement is governed by the laws of Sweden.\n',
    );
    const entries: CraftedEntry[] = [
      { name: 'Suppliers/', data: Buffer.alloc(0), unixMode: 0o040755 },
      { name: 'Suppliers/acme-supply.txt', data: supply },
      { name: 'Suppliers/copy of acme.txt', data: supply },
      { name: 'Leases/Helsinki office.pdf', data: fs.readFileSync(SAMPLE) },
      {
        name: 'Leases/office amendment.txt',
        data: text('AMENDMENT NO. 1 TO THE LEASE between Archive Oy and Landlord Oy.\n'),
      },
      { name: '../escape.txt', data: text('climbing out') },
      { name: 'link.txt', data: text('/etc/passwd'), unixMode: 0o120777 },
      { name: 'secret.pdf', data: text('%PDF-1.4 encrypted'), flags: 0x1 },
      { name: 'inner.zip', data: craftZip([{ name: 'a.txt', data: text('nested') }]) },
      { name: 'bomb.txt', deflated: deflateBomb(64), declaredSize: 1000 },
      { name: 'holiday.png', data: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
      { name: '__MACOSX/Suppliers/._acme-supply.txt', data: text('resource fork') },
    ];
    const csv =
      '\uFEFFfile;title;counterparty;tags;effectiveDate;noticePeriod;autoRenewal;parentFile\r\n' +
      'Suppliers/acme-supply.txt;Acme supply;Acme AB;critical;1.2.2024;3 months;yes;\r\n' +
      'Leases/Helsinki office.pdf;Helsinki office lease;Landlord Oy;;31/12/2023;P6M;;\r\n' +
      'Leases/office amendment.txt;Lease amendment 1;;;;;;Leases/Helsinki office.pdf\r\n';
    const res = await post()
      .attach('file', craftZip(entries), 'archive.zip')
      .attach('metadata', Buffer.from(csv, 'utf8'), 'metadata.csv');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'running', fileName: 'archive.zip' });

    const done = await waitForImport(server.url, a.token, res.body.id);
    const byPath = Object.fromEntries(done.items.map((i) => [i.path, i]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        '../escape.txt',
        'Leases/Helsinki office.pdf',
        'Leases/office amendment.txt',
        'Suppliers/acme-supply.txt',
        'Suppliers/copy of acme.txt',
        'bomb.txt',
        'holiday.png',
        'inner.zip',
        'link.txt',
        'secret.pdf',
      ].sort(),
    );
    expect(done).toMatchObject({ total: 10, processed: 10, created: 3, duplicates: 1, failed: 6 });
    expect(byPath['Suppliers/copy of acme.txt']).toMatchObject({
      outcome: 'duplicate',
      contractId: byPath['Suppliers/acme-supply.txt']!.contractId,
    });
    expect(byPath['../escape.txt']!.message).toMatch(/\.\./);
    expect(byPath['link.txt']!.message).toMatch(/symbolic link/);
    expect(byPath['secret.pdf']!.message).toMatch(/password/);
    expect(byPath['inner.zip']!.message).toMatch(/ZIP files inside a ZIP/);
    expect(byPath['bomb.txt']).toMatchObject({ outcome: 'failed', contractId: null });
    expect(byPath['holiday.png']!.message).toMatch(/not a PDF, DOCX or plain-text/);
    for (const p of ['Suppliers/acme-supply.txt', 'Leases/Helsinki office.pdf']) {
      expect(byPath[p]!.outcome).toBe('created');
      expect(['parsed', 'needs_review']).toContain(byPath[p]!.contractStatus);
    }

    const acme = (
      await request(server.url)
        .get(`/v1/contracts/${byPath['Suppliers/acme-supply.txt']!.contractId}`)
        .set(auth())
    ).body;
    expect(acme).toMatchObject({
      title: 'Acme supply',
      counterparty: 'Acme AB',
      tags: ['Suppliers', 'critical'],
      terms: { effectiveDate: '2024-02-01', noticePeriod: 'P3M', autoRenewal: true },
      termSources: { effectiveDate: 'user', noticePeriod: 'user', autoRenewal: 'user' },
    });
    // Parsed, and the person's values survived extraction (governing law came from the text).
    expect(acme.terms.governingLaw).toMatch(/Sweden/);

    const lease = (
      await request(server.url)
        .get(`/v1/contracts/${byPath['Leases/Helsinki office.pdf']!.contractId}`)
        .set(auth())
    ).body;
    expect(lease.tags).toEqual(['Leases']);
    expect(lease.terms).toMatchObject({ effectiveDate: '2023-12-31', noticePeriod: 'P6M' });
    expect(lease.amendments).toEqual([
      expect.objectContaining({ id: byPath['Leases/office amendment.txt']!.contractId }),
    ]);

    const list = await request(server.url).get('/v1/imports').set(auth());
    expect(list.body.data[0]).toMatchObject({ id: res.body.id, status: 'done', created: 3 });
    expect(list.body.data[0].items).toBeUndefined();
  }, 180_000);

  it("the CSV's ownerEmail sets the contract's owner; an address that is not a user of the team creates the contract without an owner and says so", async () => {
    const other = await signUp(server.url, { company: 'Elsewhere Oy' });
    const doc = (name: string) =>
      text(
        `SERVICE AGREEMENT ${name} between Archive Oy and ${name} Ltd.\n${randomBytes(8).toString('hex')}\n`,
      );
    const entries: CraftedEntry[] = [
      { name: 'owned.txt', data: doc('Owned') },
      { name: 'stranger.txt', data: doc('Stranger') },
      { name: 'other-tenant.txt', data: doc('Other') },
      { name: 'unowned.txt', data: doc('Unowned') },
    ];
    const csv =
      'file,ownerEmail\n' +
      `owned.txt,${a.email.toUpperCase()}\n` +
      'stranger.txt,nobody-here@example.com\n' +
      `other-tenant.txt,${other.email}\n` +
      'unowned.txt,\n';
    const res = await post()
      .attach('file', craftZip(entries), 'owners.zip')
      .attach('metadata', Buffer.from(csv, 'utf8'), 'metadata.csv');
    expect(res.status).toBe(202);
    const done = await waitForImport(server.url, a.token, res.body.id);
    expect(done).toMatchObject({ total: 4, created: 4, failed: 0 });
    const byPath = Object.fromEntries(done.items.map((i) => [i.path, i]));
    const ownerOf = async (p: string) =>
      (await request(server.url).get(`/v1/contracts/${byPath[p]!.contractId}`).set(auth())).body
        .ownerId as string | null;

    expect(byPath['owned.txt']!.message).toBeNull();
    expect(await ownerOf('owned.txt')).toBe(a.userId);
    expect(byPath['stranger.txt']!.message).toBe(
      'ownerEmail nobody-here@example.com is not a user of this team: created without an owner',
    );
    expect(await ownerOf('stranger.txt')).toBeNull();
    // A user of another company is not a user of this team.
    expect(byPath['other-tenant.txt']!.message).toBe(
      `ownerEmail ${other.email} is not a user of this team: created without an owner`,
    );
    expect(await ownerOf('other-tenant.txt')).toBeNull();
    expect(byPath['unowned.txt']!.message).toBeNull();
    expect(await ownerOf('unowned.txt')).toBeNull();

    const mine = await request(server.url).get('/v1/contracts?owner=me').set(auth());
    expect(mine.body.data.map((c: { id: string }) => c.id)).toEqual([
      byPath['owned.txt']!.contractId,
    ]);
  }, 120_000);

  it('refuses a bad CSV row with its line before anything is created', async () => {
    const res = await post()
      .attach('file', craftZip([{ name: 'a.txt', data: text('An agreement.') }]), 'a.zip')
      .attach(
        'metadata',
        Buffer.from('file,effectiveDate\na.txt,2024-01-01\nb.txt,31.13.2024\n'),
        'm.csv',
      );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'metadata',
        message: 'line 3: effectiveDate "31.13.2024" is not a date such as 2025-01-31 or 31.1.2025',
      },
    ]);
    const imports = await request(server.url).get('/v1/imports').set(auth());
    expect(imports.body.data.every((i: { fileName: string }) => i.fileName !== 'a.zip')).toBe(true);
  });

  it('replays a POST with the same Idempotency-Key, and refuses the key for another CSV', async () => {
    const zip = craftZip([{ name: 'idem.txt', data: text('An agreement sent twice.') }]);
    const send = (csv: string) =>
      post()
        .set('Idempotency-Key', 'import-4711')
        .attach('file', zip, 'idem.zip')
        .attach('metadata', Buffer.from(csv), 'm.csv');
    const first = await send('file,title\nidem.txt,Once\n');
    expect(first.status).toBe(202);
    const again = await send('file,title\nidem.txt,Once\n');
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    const other = await send('file,title\nidem.txt,Twice\n');
    expect(other.status).toBe(422);
  });

  it('refuses a file that is not a ZIP (415) and a missing file (400)', async () => {
    const notZip = await post().attach('file', text('just text'), 'fake.zip');
    expect(notZip.status).toBe(415);
    const none = await post().field('x', 'y');
    expect(none.status).toBe(400);
  });

  it('takes a ZIP larger than MAX_UPLOAD_MB, and answers 413 past MAX_IMPORT_MB', async () => {
    // Two stored (uncompressed) files of 0.8 MB make a ZIP of 1.6 MB, over the 1 MB upload limit.
    const noise = (n: number) => Buffer.from(randomBytes(n / 2).toString('hex'));
    const big = craftZip([
      { name: 'one.txt', data: noise(800_000), method: 0 },
      { name: 'two.txt', data: noise(800_000), method: 0 },
    ]);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const res = await post().attach('file', big, 'big.zip');
    expect(res.status).toBe(202);
    const done = await waitForImport(server.url, a.token, res.body.id);
    expect(done).toMatchObject({ total: 2, created: 2 });

    const huge = craftZip([{ name: 'huge.txt', data: noise(3_400_000), method: 0 }]);
    const over = await post().attach('file', huge, 'huge.zip');
    expect(over.status).toBe(413);
    expect(over.body.code).toBe('payload_too_large');
  }, 120_000);

  it('ends an import whose ZIP lists more files than MAX_IMPORT_FILES with the reason, creating nothing', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      name: `f${i}.txt`,
      data: text(`Agreement ${i}`),
    }));
    const res = await post().attach('file', craftZip(many), 'many.zip');
    expect(res.status).toBe(202);
    const done = await waitForImport(server.url, a.token, res.body.id);
    expect(done).toMatchObject({ total: 0, created: 0, error: { code: 'zip_too_many_entries' } });
    expect(done.error!.message).toMatch(/21 files \(limit 20\)/);
  });
});

describe('bulk import: the plan limit and a worker killed half-way', () => {
  let server: TestServer;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await server?.close();
  });

  function spawnWorker(config: AppConfig): Promise<ChildProcess> {
    const env = {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      APP_DATABASE_URL: config.appDatabaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      STORAGE_DIR: config.storageDir,
      JWT_SECRET: config.jwtSecret,
      LOG_LEVEL: 'silent',
      OCR_ENABLED: 'false',
      WORKER_LOCK_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    };
    const proc = spawn(
      process.execPath,
      [path.resolve(__dirname, '../support/worker-process.js')],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    return new Promise((resolve, reject) => {
      proc.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('worker ready')) resolve(proc);
      });
      proc.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  }

  it('files over the plan limit fail with the reason; a worker killed mid-import loses and duplicates nothing', async () => {
    const owner = await signUp(server.url, { company: 'Restart Oy' });
    const FILES = 60; // the trial allows 50 contracts
    const entries = Array.from({ length: FILES }, (_, i) => ({
      name: `batch/agreement-${String(i).padStart(3, '0')}.txt`,
      data: text(`SERVICE AGREEMENT number ${i} between Restart Oy and Vendor ${i} AB.\n`),
    }));

    child = await spawnWorker(server.config);
    const res = await request(server.url)
      .post('/v1/imports')
      .set('Authorization', `Bearer ${owner.token}`)
      .attach('file', craftZip(entries), 'batch.zip');
    expect(res.status).toBe(202);
    const importId = res.body.id as string;

    // Kill the worker with SIGKILL as soon as it has made a few of the contracts.
    for (;;) {
      const [{ n }] = await queryOnce<{ n: string }>(
        server.db.url,
        `SELECT count(*) AS n FROM import_items WHERE import_id = $1 AND outcome <> 'pending'`,
        [importId],
      );
      if (Number(n) >= 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = null;
    const [{ n: decided }] = await queryOnce<{ n: string }>(
      server.db.url,
      `SELECT count(*) AS n FROM import_items WHERE import_id = $1 AND outcome <> 'pending'`,
      [importId],
    );
    expect(Number(decided)).toBeLessThan(FILES); // really half-way

    // Another worker takes the job over once the dead one's lock has expired, and finishes it.
    const worker = await createWorkerApp(server.config, { schedules: false });
    try {
      const done = await waitForImport(server.url, owner.token, importId, 150_000);
      expect(done).toMatchObject({ total: FILES, processed: FILES, created: 50, failed: 10 });
      for (const item of done.items.filter((i) => i.outcome === 'failed'))
        expect(item.message).toMatch(/plan/i);
      const [{ contracts, distinct }] = await queryOnce<{ contracts: string; distinct: string }>(
        server.db.url,
        `SELECT count(*) AS contracts, count(DISTINCT file_sha256) AS distinct FROM contracts WHERE tenant_id = $1`,
        [owner.tenantId],
      );
      expect(Number(contracts)).toBe(50);
      expect(Number(distinct)).toBe(50);
      const created = done.items.filter((i) => i.outcome === 'created');
      expect(new Set(created.map((i) => i.contractId)).size).toBe(50);
    } finally {
      await worker.close();
    }
  }, 240_000);

  it("a run that takes over a dead one's import enqueues the parse the dead run committed but never enqueued", async () => {
    const owner = await signUp(server.url, { company: 'Resume Oy' });
    const entries = [0, 1, 2].map((i) => ({
      name: `resume/agreement-${i}.txt`,
      data: text(`SUPPLY AGREEMENT number ${i} between Resume Oy and Supplier ${i} AB.\n`),
    }));
    const zip = craftZip(entries);
    const res = await request(server.url)
      .post('/v1/imports')
      .set('Authorization', `Bearer ${owner.token}`)
      .attach('file', zip, 'resume.zip');
    expect(res.status).toBe(202);
    const importId = res.body.id as string;
    const payload = { tenantId: owner.tenantId, importId };
    let worker = await createWorkerApp(server.config, { schedules: false });
    const jobs = new JobPublisher(server.config);
    try {
      const first = await waitForImport(server.url, owner.token, importId, 60_000);
      const contractId = first.items[1].contractId!;
      await worker.close();
      // What a worker killed between item 1's commit and its parse's enqueue leaves: the item decided, its
      // contract in `processing` with no parse job, the import and its ZIP not finished and its job taken over.
      const [{ storage_key: zipKey }] = await queryOnce<{ storage_key: string }>(
        server.db.url,
        `SELECT storage_key FROM imports WHERE id = $1`,
        [importId],
      );
      const zipPath = path.join(server.config.storageDir, zipKey);
      fs.mkdirSync(path.dirname(zipPath), { recursive: true });
      fs.writeFileSync(zipPath, zip);
      await queryOnce(server.db.url, `UPDATE contracts SET status = 'processing' WHERE id = $1`, [
        contractId,
      ]);
      await queryOnce(server.db.url, `UPDATE imports SET expanded_at = NULL WHERE id = $1`, [
        importId,
      ]);
      await jobs.discard('contract.parse', {
        tenantId: owner.tenantId,
        contractId,
        parseVersion: 1,
      });
      await jobs.discard('import.expand', payload);
      await jobs.publish('import.expand', payload);

      worker = await createWorkerApp(server.config, { schedules: false });
      const done = await waitForImport(server.url, owner.token, importId, 60_000);
      expect(done).toMatchObject({ total: 3, processed: 3, created: 3 });
      expect(done.items[1]).toMatchObject({
        contractId,
        contractStatus: first.items[1].contractStatus,
      });
      expect(['parsed', 'needs_review']).toContain(done.items[1].contractStatus);
    } finally {
      await jobs.close();
      await worker.close();
    }
  }, 180_000);
});
