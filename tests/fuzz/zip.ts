import { constants, crc32, deflateRawSync } from "node:zlib";

// A zip writer for the fuzzer: it writes what it is told, including headers that lie.
// Real zip tools never write a file whose declared sizes, CRC or entry count are wrong;
// an attacker does, so the harness must be able to.

export interface ZipEntry {
  name: string;
  /** The bytes as stored: already deflated when method is 8 (see deflated/deflatedRepeat). */
  stored: Uint8Array;
  /** 0 stored, 8 deflate; anything else is a method no reader knows. */
  method: number;
  /** What the entry really unpacks to, and its CRC (written unless a lie replaces them). */
  size: number;
  crc: number;
  /** Values written in place of the true ones, in both headers unless localOnly. */
  lie?: { size?: number; compressedSize?: number; crc?: number; method?: number; flags?: number; localOnly?: boolean };
}

export interface ZipOptions {
  /** Leave out the central directory (and its end record): only local headers. */
  noCentralDirectory?: boolean;
  /** Overrides for the end-of-central-directory record. */
  end?: { entries?: number; size?: number; offset?: number };
  /** Bytes written between the last entry and the central directory. */
  gap?: Uint8Array;
}

/** An entry stored as is. */
export function storedEntry(name: string, data: Uint8Array): ZipEntry {
  return { name, stored: data, method: 0, size: data.length, crc: crc32(data) };
}

/** An entry deflated whole. */
export function deflatedEntry(name: string, data: Uint8Array | string): ZipEntry {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return { name, stored: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) };
}

const repeatCache = new Map<string, { stored: Uint8Array; size: number; crc: number }>();

/**
 * prefix + unit × count + suffix, deflated without ever holding the whole: each piece is
 * compressed alone and ended with a full flush (byte-aligned, no reference back), so the
 * pieces concatenate into one valid deflate stream. A 1.5 GB part costs a few MB and a
 * CRC pass, cached per shape.
 */
export function deflatedRepeatEntry(name: string, prefix: string, unit: string, count: number, suffix: string): ZipEntry {
  const key = `${prefix}\u0000${unit}\u0000${count}\u0000${suffix}`;
  let made = repeatCache.get(key);
  if (!made) {
    const head = Buffer.from(prefix, "utf8");
    const tail = Buffer.from(suffix, "utf8");
    // Units grouped into ~1 MB blocks, so the block is compressed once and repeated.
    const unitBytes = Buffer.from(unit, "utf8");
    const perBlock = Math.max(1, Math.min(count, Math.floor((1 << 20) / Math.max(1, unitBytes.length))));
    const block = Buffer.alloc(unitBytes.length * perBlock);
    for (let i = 0; i < perBlock; i++) unitBytes.copy(block, i * unitBytes.length);
    const blocks = Math.floor(count / perBlock);
    const rest = block.subarray(0, unitBytes.length * (count - blocks * perBlock));
    const flush = { finishFlush: constants.Z_FULL_FLUSH };
    const zHead = deflateRawSync(head, flush);
    const zBlock = deflateRawSync(block, flush);
    const zRest = deflateRawSync(rest, flush);
    const zTail = deflateRawSync(tail);
    const out = Buffer.alloc(zHead.length + zBlock.length * blocks + zRest.length + zTail.length);
    let at = zHead.copy(out, 0);
    for (let i = 0; i < blocks; i++) at += zBlock.copy(out, at);
    at += zRest.copy(out, at);
    zTail.copy(out, at);
    let crc = crc32(head);
    for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
    crc = crc32(tail, crc32(rest, crc));
    made = { stored: out, size: head.length + block.length * blocks + rest.length + tail.length, crc };
    if (repeatCache.size > 64) repeatCache.clear();
    repeatCache.set(key, made);
  }
  return { name, method: 8, ...made };
}

/** The zip archive of these entries, lies included. */
export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const lie = e.lie ?? {};
    const size = lie.size ?? e.size;
    const csize = lie.compressedSize ?? e.stored.length;
    const crc = lie.crc ?? e.crc;
    const method = lie.method ?? e.method;
    const flags = (lie.flags ?? 0) | 0x0800; // names are UTF-8
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(csize >>> 0, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, e.stored);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(lie.localOnly ? 0x0800 : flags, 8);
    c.writeUInt16LE(lie.localOnly ? e.method : method, 10);
    c.writeUInt32LE(0, 12);
    c.writeUInt32LE((lie.localOnly ? e.crc : crc) >>> 0, 16);
    c.writeUInt32LE((lie.localOnly ? e.stored.length : csize) >>> 0, 20);
    c.writeUInt32LE((lie.localOnly ? e.size : size) >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(0, 30); // extra, comment lengths
    c.writeUInt32LE(0, 34); // disk, internal attributes
    c.writeUInt32LE(0, 38); // external attributes
    c.writeUInt32LE(offset >>> 0, 42);
    central.push(c, name);
    offset += local.length + name.length + e.stored.length;
  }
  if (options.gap) {
    parts.push(options.gap);
    offset += options.gap.length;
  }
  if (!options.noCentralDirectory) {
    const cdSize = central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    const count = options.end?.entries ?? entries.length;
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE((options.end?.size ?? cdSize) >>> 0, 12);
    end.writeUInt32LE((options.end?.offset ?? offset) >>> 0, 16);
    parts.push(...central, end);
  }
  return Buffer.concat(parts);
}
