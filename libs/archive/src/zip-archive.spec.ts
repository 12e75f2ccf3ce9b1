import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ArchiveRefusalCode, ArchiveRefusedError, EntryReadErrorCode } from './archive.error';
import { craftZip, deflateBomb } from './craft-zip';
import { openZip } from './zip-archive';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

async function refusal(promise: Promise<unknown>): Promise<ArchiveRefusedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ArchiveRefusedError) return error;
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

describe('deflateBomb', () => {
  it('really inflates to the size asked for (zeros), from about 1 KB per MiB', () => {
    const bomb = deflateBomb(4);
    expect(bomb.length).toBeLessThan(8 * 1024);
    const inflated = zlib.inflateRawSync(bomb);
    expect(inflated.length).toBe(4 * MIB);
    expect(inflated.every((b) => b === 0)).toBe(true);
  });
});

describe('openZip', () => {
  it('lists and reads an ordinary archive, from bytes and from a path', async () => {
    const zip = craftZip([
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'docs/', method: 0 },
      { name: 'docs/ünïcödé 合同.pdf', data: Buffer.from('%PDF-1.7 body'), method: 0 },
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cb-zip-')), 'ok.zip');
    fs.writeFileSync(file, zip);
    for (const source of [zip, new Uint8Array(zip), file]) {
      const archive = await openZip(source);
      expect(archive.entries.map((e) => [e.name, e.outcome])).toEqual([
        ['a.txt', 'ok'],
        ['docs/', 'directory'],
        ['docs/ünïcödé 合同.pdf', 'ok'],
      ]);
      expect((await archive.readEntry(archive.entries[0])).toString()).toBe('hello');
      expect((await archive.readEntry(archive.entries[2])).toString()).toBe('%PDF-1.7 body');
      expect(archive.totalBytesRead).toBe(5 + 13);
      archive.close();
    }
  });

  it('classifies each hostile entry on its own and still reads the good one', async () => {
    const archive = await openZip(
      craftZip([
        { name: '../evil.pdf', data: Buffer.from('x') },
        { name: 'a/../../evil.pdf', data: Buffer.from('x') },
        { name: '/etc/passwd', data: Buffer.from('x') },
        { name: 'C:\\Windows\\evil.pdf', data: Buffer.from('x') },
        { name: 'bad\nname.pdf', data: Buffer.from('x') },
        { name: 'link.pdf', data: Buffer.from('/etc/passwd'), method: 0, unixMode: 0o120777 },
        { name: 'secret.pdf', data: Buffer.from('x'), flags: 0x1 },
        { name: 'inner.ZIP', data: craftZip([{ name: 'x.pdf', data: Buffer.from('x') }]) },
        { name: 'bzip.pdf', data: Buffer.from('x'), method: 12 },
        { name: 'stored.pdf', data: Buffer.from('abc'), method: 0, declaredSize: 99 },
        { name: 'good.pdf', data: Buffer.from('good') },
        { name: 'good.pdf', data: Buffer.from('second copy') },
      ]),
    );
    expect(archive.entries.map((e) => [e.name, e.outcome])).toEqual([
      ['../evil.pdf', 'unsafe_path'],
      ['a/../../evil.pdf', 'unsafe_path'],
      ['/etc/passwd', 'unsafe_path'],
      ['C:/Windows/evil.pdf', 'unsafe_path'],
      ['bad\nname.pdf', 'unsafe_path'],
      ['link.pdf', 'symlink'],
      ['secret.pdf', 'encrypted'],
      ['inner.ZIP', 'nested_archive'],
      ['bzip.pdf', 'unsupported_compression'],
      ['stored.pdf', 'invalid'],
      ['good.pdf', 'ok'],
      ['good.pdf', 'duplicate'],
    ]);
    for (const entry of archive.entries) {
      if (entry.outcome === 'ok') expect(entry.reason).toBeNull();
      else expect(entry.reason).toEqual(expect.any(String));
    }
    await expect(archive.readEntry(archive.entries[0])).rejects.toMatchObject({
      code: EntryReadErrorCode.NotReadable,
    });
    await expect(archive.readEntry(archive.entries[5])).rejects.toMatchObject({
      code: EntryReadErrorCode.NotReadable,
    });
    expect((await archive.readEntry(archive.find('good.pdf')!)).toString()).toBe('good');
    archive.close();
  });

  it('refuses more entries than the limit before reading any entry', async () => {
    const zip = craftZip(
      Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from('x') })),
    );
    const error = await refusal(openZip(zip, { maxEntries: 10 }));
    expect(error.code).toBe(ArchiveRefusalCode.TooManyEntries);
    await expect(openZip(zip, { maxEntries: 11 })).resolves.toBeDefined();
  });

  it('refuses an archive whose declared inflated total is over the limit, before inflating', async () => {
    // Each entry is under the per-entry limit; together they are not.
    const bomb = deflateBomb(1);
    const zip = craftZip(
      Array.from({ length: 5 }, (_, i) => ({
        name: `${i}.bin`,
        deflated: bomb,
        declaredSize: 1 * MIB,
      })),
    );
    const error = await refusal(openZip(zip, { maxTotalBytes: 4 * MIB, maxEntryBytes: 2 * MIB }));
    expect(error.code).toBe(ArchiveRefusalCode.TooLarge);
  });

  it('marks an entry that declares more than the per-entry limit too_large', async () => {
    const archive = await openZip(
      craftZip([{ name: 'big.bin', deflated: deflateBomb(3), declaredSize: 3 * MIB }]),
      {
        maxEntryBytes: 2 * MIB,
      },
    );
    expect(archive.entries[0].outcome).toBe('too_large');
  });

  it('refuses what is not a ZIP as invalid', async () => {
    const error = await refusal(openZip(Buffer.from('%PDF-1.7 not a zip at all')));
    expect(error.code).toBe(ArchiveRefusalCode.Invalid);
  });

  it('stops inflating a 3 GiB bomb whose header lies (declares 1 KB) right after the declared size', async () => {
    const bomb = deflateBomb(3 * 1024); // ~3 MB on disk, 3 GiB inflated
    const archive = await openZip(
      craftZip([{ name: 'word/document.xml', deflated: bomb, declaredSize: 1024 }]),
    );
    expect(archive.entries[0].outcome).toBe('ok');
    const rssBefore = process.memoryUsage().rss;
    await expect(archive.readEntry(archive.entries[0])).rejects.toMatchObject({
      code: EntryReadErrorCode.SizeMismatch,
    });
    // One zlib chunk (16 KiB here, 64 KiB at most) past the declared size: not the gigabytes the data holds.
    expect(archive.totalBytesRead).toBeLessThanOrEqual(1024 + 64 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * MIB);
    archive.close();
  });

  it('stops a bomb that declares its true 3.5 GiB as soon as the real bytes pass the read budget', async () => {
    const bomb = deflateBomb(3.5 * 1024);
    const archive = await openZip(
      craftZip([{ name: 'document.xml', deflated: bomb, declaredSize: 3.5 * GIB }]),
      { maxEntryBytes: 4 * GIB, maxTotalBytes: 4 * GIB },
    );
    const rssBefore = process.memoryUsage().rss;
    await expect(archive.readEntry(archive.entries[0], 8 * MIB)).rejects.toMatchObject({
      code: EntryReadErrorCode.OverBudget,
    });
    expect(archive.totalBytesRead).toBeLessThanOrEqual(8 * MIB + 64 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(96 * MIB);
    archive.close();
  });

  it('counts real bytes against the total limit across entries', async () => {
    const chunk = deflateBomb(2);
    // Headers claim 1 KiB each (within every limit), the data is 2 MiB each.
    const archive = await openZip(
      craftZip([
        { name: 'a.bin', data: Buffer.alloc(3 * MIB, 1) },
        { name: 'b.bin', deflated: chunk, declaredSize: 2 * MIB },
      ]),
      { maxTotalBytes: 4 * MIB, maxEntryBytes: 4 * MIB },
    ).catch((e: unknown) => e);
    // 3 MiB + 2 MiB declared is over the 4 MiB total: refused up front.
    expect(archive).toBeInstanceOf(ArchiveRefusedError);

    const fits = await openZip(
      craftZip([
        { name: 'a.bin', data: Buffer.alloc(3 * MIB, 1) },
        { name: 'b.bin', deflated: chunk, declaredSize: 2 * MIB },
      ]),
      { maxTotalBytes: 5 * MIB, maxEntryBytes: 4 * MIB },
    );
    expect((await fits.readEntry(fits.entries[0])).length).toBe(3 * MIB);
    // Only 2 MiB of the total is left: exactly enough for b.bin, and nothing more.
    expect((await fits.readEntry(fits.entries[1])).length).toBe(2 * MIB);
    await expect(fits.readEntry(fits.entries[0])).rejects.toMatchObject({
      code: EntryReadErrorCode.OverBudget,
    });
    fits.close();
  });

  it('reports a short entry (fewer bytes than declared) and broken deflate data per entry', async () => {
    const archive = await openZip(
      craftZip([
        { name: 'short.txt', data: Buffer.from('abc'), declaredSize: 10 },
        { name: 'broken.txt', deflated: Buffer.from([0xff, 0xff, 0xff, 0xff]), declaredSize: 10 },
        { name: 'fine.txt', data: Buffer.from('fine') },
      ]),
    );
    await expect(archive.readEntry(archive.entries[0])).rejects.toMatchObject({
      code: EntryReadErrorCode.SizeMismatch,
    });
    await expect(archive.readEntry(archive.entries[1])).rejects.toMatchObject({
      code: EntryReadErrorCode.Corrupt,
    });
    expect((await archive.readEntry(archive.entries[2])).toString()).toBe('fine');
    archive.close();
  });

  it('streams an entry and stops the inflater when the consumer stops early', async () => {
    const archive = await openZip(
      craftZip([{ name: 'big.bin', deflated: deflateBomb(64), declaredSize: 64 * MIB }]),
    );
    const stream = await archive.openEntryStream(archive.entries[0]);
    let seen = 0;
    for await (const chunk of stream) {
      seen += (chunk as Buffer).length;
      if (seen > MIB) break;
    }
    expect(stream.destroyed).toBe(true);
    expect(archive.totalBytesRead).toBeLessThan(4 * MIB);
    archive.close();
  });
});
