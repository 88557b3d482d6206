/** A file of a zip archive, its bytes decoded as UTF-8. */
export interface ZipEntry {
  name: string;
  text: string;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The files of a zip archive (stored or deflated, as the dbt artifact is written) in the archive's order, read
 * from its central directory; the browser's own DecompressionStream inflates them, so no library is needed.
 * Directories are left out. A file that is not a zip, or compressed another way, is an Error naming why.
 */
export async function readZip(bytes: Uint8Array): Promise<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new Error(`the zip's directory entry ${i + 1} is damaged`);
    }
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    if (view.getUint32(local, true) !== LOCAL_HEADER) {
      throw new Error(`the zip's file ${name} has no local header`);
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (method === STORED) {
      entries.push({ name, text: decoder.decode(data) });
    } else if (method === DEFLATED) {
      entries.push({ name, text: decoder.decode(await inflate(data)) });
    } else {
      throw new Error(`the zip's file ${name} is compressed with method ${method}, neither stored nor deflated`);
    }
  }
  return entries;
}

function findEndOfDirectory(view: DataView): number {
  // the record is 22 bytes plus a comment of at most 65,535
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new Error('not a zip archive (no end of central directory)');
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The files of a dbt project as one text for the editor: each file under a comment naming its path. */
export function projectText(entries: ZipEntry[]): string {
  return entries
    .map((e) => `${e.name.endsWith('.sql') ? '--' : '#'} ===== ${e.name} =====\n${e.text.replace(/\s+$/, '')}\n`)
    .join('\n');
}
