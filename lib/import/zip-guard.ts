import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { FileFormatError } from "./file-format-error";
import type { zipLimits } from "./limits";

// An .xlsx is a zip archive. Before anything in it is unpacked, its central directory (the
// table of contents at the end) is read here and checked against the limits, and every
// part's local header is checked against it: an archive that says one thing in one place
// and another elsewhere, is encrypted, or needs ZIP64 (no upload is near 4 GB) is refused as
// damaged. Declared sizes can lie, so unpacking counts the bytes it actually produces too.

export type ZipLimits = { readonly [K in keyof typeof zipLimits]: number };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  /** Where the part's local header, and its packed data, start in the archive. */
  headerOffset: number;
  dataOffset: number;
}

const damaged = (why: string) =>
  new FileFormatError(`The workbook is damaged (${why}). Open it in Excel, save it as an Excel workbook (.xlsx) again, and upload that.`);

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-GB")} MB`;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

/** The archive's parts, from its central directory, once every check has passed. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  // The end record is the last 22 bytes, unless the archive has a comment after it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged("it is incomplete: the end of the archive is missing");
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) throw damaged("it is a ZIP64 archive, which no spreadsheet this size needs");
  const disk = u16(end + 4);
  const directoryDisk = u16(end + 6);
  const entriesHere = u16(end + 8);
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryOffset = u32(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw damaged("it is a ZIP64 archive, which no spreadsheet this size needs");
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== count) throw damaged("it is split over several files");
  if (directoryOffset + directorySize !== end) throw damaged("its table of contents is not where it says");
  if (count === 0) throw damaged("it is empty");
  if (count > limits.maxEntries) {
    throw new FileFormatError(`The workbook has ${count.toLocaleString("en-GB")} parts, over the limit of ${limits.maxEntries.toLocaleString("en-GB")}: it is not a spreadsheet this app can read.`);
  }

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) throw damaged("its table of contents is cut short");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc32 = u32(at + 16);
    const compressedSize = u32(at + 20);
    const uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const startDisk = u16(at + 34);
    const localOffset = u32(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) throw damaged("its table of contents is cut short");
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder().decode(nameBytes);
    if (flags & 0x41) throw new FileFormatError("The workbook is encrypted (protected with a password to open). Remove the password in Excel, save it, and upload it again.");
    if (method !== 0 && method !== 8) throw damaged(`part “${name}” is packed in a way Excel does not use`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff || startDisk !== 0) {
      throw damaged("it is a ZIP64 archive, which no spreadsheet this size needs");
    }
    if (hasZip64Extra(bytes, at + 46 + nameLength, extraLength, view)) throw damaged("it is a ZIP64 archive, which no spreadsheet this size needs");
    if (method === 0 && compressedSize !== uncompressedSize) throw damaged(`part “${name}” is stored with two different sizes`);
    if (names.has(name)) throw damaged(`part “${name}” appears twice`);
    names.add(name);

    if (uncompressedSize > limits.maxPartBytes) {
      throw new FileFormatError(`Part “${name}” of the workbook unpacks to ${mb(uncompressedSize)}, over the limit of ${mb(limits.maxPartBytes)} for one part.`);
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw new FileFormatError(`The workbook unpacks to more than ${mb(limits.maxTotalBytes)}, the limit: split it into smaller files.`);
    if (uncompressedSize > limits.ratioAppliesAbove && uncompressedSize > compressedSize * limits.maxRatio) {
      throw new FileFormatError(
        `Part “${name}” of the workbook is packed ${Math.round(uncompressedSize / Math.max(1, compressedSize)).toLocaleString("en-GB")} times smaller than it unpacks to, over the limit of ${limits.maxRatio} times: a spreadsheet never packs so tightly.`,
      );
    }

    const dataOffset = checkLocalHeader({ bytes, view, localOffset, name, nameBytes, flags, method, crc32, compressedSize, uncompressedSize, directoryOffset });
    entries.push({ name, method: method as 0 | 8, compressedSize, uncompressedSize, crc32, headerOffset: localOffset, dataOffset });
    at = next;
  }
  if (at !== end) throw damaged("its table of contents does not add up");

  // No two parts may share bytes (overlapping parts are how the smallest bombs are made).
  const byOffset = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    if (before.dataOffset + before.compressedSize > byOffset[i]!.headerOffset) throw damaged("two of its parts overlap");
  }
  return entries;
}

function hasZip64Extra(bytes: Uint8Array, start: number, length: number, view: DataView): boolean {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) return true;
    at += 4 + size;
  }
  return false;
}

/** The part's local header agrees with the table of contents; returns where its data starts. */
function checkLocalHeader(p: {
  bytes: Uint8Array;
  view: DataView;
  localOffset: number;
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  directoryOffset: number;
}): number {
  const { view, localOffset: at } = p;
  const inconsistent = damaged(`part “${p.name}” does not match the archive's table of contents`);
  if (at + 30 > p.directoryOffset || view.getUint32(at, true) !== LOCAL) throw inconsistent;
  const flags = view.getUint16(at + 6, true);
  const method = view.getUint16(at + 8, true);
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  if (method !== p.method || (flags & 0x49) !== (p.flags & 0x49) || nameLength !== p.nameBytes.length) throw inconsistent;
  const localName = p.bytes.subarray(at + 30, at + 30 + nameLength);
  if (!localName.every((b, i) => b === p.nameBytes[i])) throw inconsistent;
  const dataOffset = at + 30 + nameLength + extraLength;
  if (dataOffset + p.compressedSize > p.directoryOffset) throw inconsistent;
  const withDescriptor = (flags & 0x08) !== 0;
  if (!withDescriptor) {
    // Sizes and checksum are in the local header and must be the table's.
    if (view.getUint32(at + 14, true) !== p.crc32 || view.getUint32(at + 18, true) !== p.compressedSize || view.getUint32(at + 22, true) !== p.uncompressedSize) {
      throw inconsistent;
    }
  } else {
    // They follow the data instead (with or without the descriptor's own signature).
    let d = dataOffset + p.compressedSize;
    if (d + 4 <= p.directoryOffset && view.getUint32(d, true) === DESCRIPTOR) d += 4;
    if (d + 12 > p.directoryOffset) throw inconsistent;
    if (view.getUint32(d, true) !== p.crc32 || view.getUint32(d + 4, true) !== p.compressedSize || view.getUint32(d + 8, true) !== p.uncompressedSize) throw inconsistent;
  }
  return dataOffset;
}

/** Counts what is unpacked across the parts of one archive, against the total limit. */
export class UnpackBudget {
  private used = 0;
  constructor(private readonly limits: ZipLimits) {}
  spend(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limits.maxTotalBytes) throw new FileFormatError(`The workbook unpacks to more than ${mb(this.limits.maxTotalBytes)}, the limit: split it into smaller files.`);
  }
}

const CHUNK = 64 * 1024;

/**
 * A part's bytes as they are unpacked, a chunk at a time, counted: more than the part
 * declared (or than the budget allows) stops at once; less, or a wrong checksum, is damage.
 */
export async function* unpackEntry(bytes: Uint8Array, entry: ZipEntry, budget: UnpackBudget): AsyncGenerator<Buffer> {
  const packed = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataOffset, entry.compressedSize);
  const liar = () => damaged(`part “${entry.name}” unpacks to more than the ${entry.uncompressedSize.toLocaleString("en-GB")} bytes it declares`);
  let produced = 0;
  let crc = 0xffffffff;
  const take = (chunk: Buffer) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw liar();
    budget.spend(chunk.length);
    crc = crc32Update(crc, chunk);
  };
  if (entry.method === 0) {
    for (let at = 0; at < packed.length; at += CHUNK) {
      const chunk = packed.subarray(at, Math.min(at + CHUNK, packed.length));
      take(chunk);
      yield chunk;
    }
  } else {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    const source = Readable.from([packed]);
    source.pipe(inflate);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        take(chunk);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof FileFormatError) throw error;
      throw damaged(`part “${entry.name}” cannot be unpacked`);
    } finally {
      source.unpipe(inflate);
      source.destroy();
      inflate.destroy();
    }
  }
  if (produced !== entry.uncompressedSize) throw damaged(`part “${entry.name}” is shorter than it declares`);
  if ((crc ^ 0xffffffff) >>> 0 !== entry.crc32) throw damaged(`part “${entry.name}” fails its checksum`);
}

/** A part unpacked whole, for the small ones (relationships, the workbook's sheet list). */
export async function unpackEntryWhole(bytes: Uint8Array, entry: ZipEntry, budget: UnpackBudget): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of unpackEntry(bytes, entry, budget)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const crcTable = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32Update(crc: number, chunk: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < chunk.length; i++) c = crcTable[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/** The CRC-32 a zip archive records for a part's unpacked bytes. */
export function crc32(bytes: Uint8Array): number {
  return (crc32Update(0xffffffff, bytes) ^ 0xffffffff) >>> 0;
}
