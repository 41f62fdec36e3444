import { constants, deflateRawSync } from "node:zlib";
import { crc32 } from "@/lib/import/zip-guard";

// Zip archives built by hand for the import limit tests: honest ones, and ones whose
// headers lie, made small on disk however large they unpack.

export interface Part {
  name: string;
  /** The part's bytes, deflated here (level 0 keeps them incompressible: ratio about 1). */
  data?: Uint8Array | string;
  level?: number;
  /** Or packed bytes given as they are, with the sizes they unpack to. */
  packed?: Uint8Array;
  size?: number;
  crc?: number;
  /** What the headers claim, when they should lie. */
  declaredSize?: number;
  flags?: number;
  /** The local header says another name than the table of contents. */
  localName?: string;
}

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

export function zipOf(parts: Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string" ? Buffer.from(part.data) : part.data ? Buffer.from(part.data) : undefined;
    const packed = part.packed ? Buffer.from(part.packed) : deflateRawSync(raw ?? Buffer.alloc(0), { level: part.level ?? 6 });
    const size = part.declaredSize ?? part.size ?? raw?.length ?? 0;
    const crc = part.crc ?? (raw ? crc32(raw) : 0);
    const name = Buffer.from(part.name);
    const localName = Buffer.from(part.localName ?? part.name);
    const flags = part.flags ?? 0;
    const common = (nameLength: number) => [u16(20), u16(flags), u16(8), u16(0), u16(0x21), u32(crc), u32(packed.length), u32(size), u16(nameLength), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common(localName.length), localName, packed]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common(name.length), u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(directory.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A raw deflate stream that unpacks to head + `chunk` × `times` + tail, without ever holding
 * that much: each piece is packed once, flushed so that it stands alone, and the chunk's
 * packed bytes repeated.
 */
export function repeatedDeflate(chunk: string, times: number, head = "", tail = ""): Uint8Array {
  const alone = (text: string) => deflateRawSync(Buffer.from(text), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const once = alone(chunk);
  const pieces = [alone(head), ...Array.from({ length: times }, () => once), alone(tail), deflateRawSync(Buffer.alloc(0))];
  return new Uint8Array(Buffer.concat(pieces));
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

export const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
export const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const sheetTail = `</sheetData></worksheet>`;
export const stringsHead = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
export const stringsTail = `</sst>`;

/** A minimal workbook: the given sheet and shared strings parts, and the parts that find them. */
export function workbookOf({ sheet, strings }: { sheet: Part | string; strings?: Part | string }): Uint8Array {
  const asPart = (name: string, p: Part | string): Part => (typeof p === "string" ? { name, data: p } : { ...p, name });
  return zipOf([
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: rootRels },
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: workbookRels },
    ...(strings !== undefined ? [asPart("xl/sharedStrings.xml", strings)] : []),
    asPart("xl/worksheets/sheet1.xml", sheet),
  ]);
}
