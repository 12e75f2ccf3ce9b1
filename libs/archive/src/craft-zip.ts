import zlib from 'node:zlib';

/** One entry for craftZip; every header field an attacker controls can be set. */
export interface CraftedEntry {
  name: string;
  /** The entry's content (deflated unless `method` is 0). */
  data?: Uint8Array;
  /** An already-deflated payload (e.g. deflateBomb); `declaredSize` then defaults to 0. */
  deflated?: Uint8Array;
  /** 0 stored, 8 deflate (default), anything else is written as is. */
  method?: number;
  /** The inflated size written into both headers (default: the real one). */
  declaredSize?: number;
  /** General purpose flags, e.g. 0x1 (encrypted); 0x800 (UTF-8) is added for non-ASCII names. */
  flags?: number;
  /** Unix mode in the external attributes, e.g. 0o120777 for a symlink. */
  unixMode?: number;
}

const MIB = 1024 * 1024;

/**
 * A raw deflate stream that inflates to `mebibytes` MiB of zeros from about 1 KB per MiB: one
 * sync-flushed block of 1 MiB zeros repeated (its back-references only reach zeros), then a final empty
 * block. Builds a multi-gigabyte bomb in milliseconds without ever holding the inflated bytes.
 */
export function deflateBomb(mebibytes: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(MIB), {
    level: 9,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  const parts: Buffer[] = [];
  for (let i = 0; i < mebibytes; i++) parts.push(block);
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/**
 * Writes a ZIP with exactly the headers given (for tests: zip bombs, lying sizes, symlinks, `../` names,
 * encrypted flags). Sizes are 32-bit (no ZIP64), so a declared size stays below 4 GiB.
 */
export function craftZip(entries: CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    const data = entry.data ? Buffer.from(entry.data) : Buffer.alloc(0);
    const payload = entry.deflated
      ? Buffer.from(entry.deflated)
      : method === 8
        ? zlib.deflateRawSync(data)
        : data;
    const size = entry.declaredSize ?? (entry.deflated ? 0 : data.length);
    const crc = entry.data ? zlib.crc32(data) : 0;
    const flags = (entry.flags ?? 0) | (/[^\x20-\x7e]/.test(entry.name) ? 0x800 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5b21, 12); // 2025-09-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5b21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, payload);
    centrals.push(central, name);
    offset += local.length + name.length + payload.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
