/**
 * The graph index in a file, so an instance starts from it and reads only the change log since,
 * instead of loading every CI and relationship (minutes at a million CIs). One file per database
 * (named by the cluster's system identifier and the database's oid), written whole to a temporary
 * name and renamed, so a reader sees an old file or a new one, never half of one.
 *
 * Layout: 8 bytes `STWGRPH1`, the header's length (4 bytes, little-endian), the header (JSON: the
 * index's strings and sizes, and where the change log stood), then the arrays, each at an offset
 * that is a multiple of 8.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { GraphSnapshot } from '../../domain/cmdb/graph-index.ts';

const MAGIC = 'STWGRPH1';

/** Where the change log stood when the snapshot was taken, and whose database it is. */
export type SnapshotState = {
  identity: string;
  takenAt: string;
  xmin: string;
  applied: [number, string][];
};

type Header = Omit<GraphSnapshot, 'arrays'> & {
  state: SnapshotState;
  arrays: { name: keyof GraphSnapshot['arrays']; offset: number; length: number }[];
};

const KINDS = {
  classOf: Uint16Array,
  statusOf: Uint8Array,
  offsets: Int32Array,
  edges: Uint32Array,
  edgeIds: Uint8Array,
} as const;

const pad8 = (n: number) => (n + 7) & ~7;

/** The file's bytes: copied out of the index at once, so the index may change while they are written. */
export function encodeSnapshot(snap: GraphSnapshot, state: SnapshotState): Buffer {
  const arrays: Header['arrays'] = [];
  let at = 0;
  for (const name of Object.keys(KINDS) as (keyof typeof KINDS)[]) {
    const a = snap.arrays[name];
    arrays.push({ name, offset: at, length: a.length });
    at = pad8(at + a.byteLength);
  }
  const { arrays: _, ...rest } = snap;
  const header = Buffer.from(JSON.stringify({ ...rest, state, arrays } satisfies Header));
  const start = pad8(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(start + at);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  for (const { name, offset } of arrays) {
    const a = snap.arrays[name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + offset);
  }
  return out;
}

/** The snapshot in the bytes, or null when they are not one (a torn, foreign or older file). */
export function decodeSnapshot(bytes: Buffer): { snap: GraphSnapshot; state: SnapshotState } | null {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const length = bytes.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + length > bytes.length) return null;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as Header;
  } catch {
    return null;
  }
  const start = pad8(MAGIC.length + 4 + length);
  const arrays = {} as Record<string, unknown>;
  for (const { name, offset, length: count } of header.arrays ?? []) {
    const Kind = KINDS[name];
    if (!Kind) return null;
    const from = start + offset;
    const bytesOf = count * Kind.BYTES_PER_ELEMENT;
    if (from + bytesOf > bytes.length) return null;
    const a = new Kind(count);
    new Uint8Array(a.buffer).set(bytes.subarray(from, from + bytesOf));
    arrays[name] = a;
  }
  if (Object.keys(KINDS).some((k) => !(k in arrays))) return null;
  const { state, arrays: _, ...rest } = header;
  return { snap: { ...rest, arrays: arrays as GraphSnapshot['arrays'] }, state };
}

export async function writeSnapshotFile(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** The file's bytes, or null when there is no such file. */
export async function readSnapshotFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
