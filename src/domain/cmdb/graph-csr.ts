/**
 * Compressed adjacency (CSR) arrays for the graph index (graph-index.ts): an offset per CI into one
 * array of neighbours, each packed with its relationship type as neighbour · 256 + type, so a walk
 * reads one array per CI instead of two. The impact direction carries the relationship ids (16
 * bytes per entry); the dependency direction is its transpose and points back at those entries.
 */

export type Csr = { nodes: number; offsets: Int32Array; edges: Uint32Array };

/** Marks a removed entry; no relationship type has this index. */
export const REMOVED = 255;
/** Packed entries leave 24 bits for the CI. */
export const MAX_CIS = 2 ** 24;
export const ID_BYTES = 16;

export const emptyCsr = (): Csr => ({ nodes: 0, offsets: new Int32Array(1), edges: new Uint32Array(0) });

/** Edges waiting to be folded in: (failing CI, impacted CI, type, id bytes at k · 16). */
export type EdgeList = {
  count: number;
  failing: Int32Array;
  impacted: Int32Array;
  types: Uint8Array;
  ids: Uint8Array;
};

/**
 * A new impact CSR over `n` CIs: the live entries of `old` followed, per CI, by the live entries of
 * `extra`. Ids travel with their entries.
 */
export function mergeImpact(
  n: number,
  old: Csr,
  oldIds: Uint8Array,
  extra: EdgeList,
): { csr: Csr; ids: Uint8Array } {
  const offsets = new Int32Array(n + 1);
  for (let u = 0; u < old.nodes; u++) {
    for (let k = old.offsets[u]!; k < old.offsets[u + 1]!; k++)
      if ((old.edges[k]! & 255) !== REMOVED) offsets[u + 1]! += 1;
  }
  for (let k = 0; k < extra.count; k++) if (extra.types[k] !== REMOVED) offsets[extra.failing[k]! + 1]! += 1;
  for (let u = 0; u < n; u++) offsets[u + 1]! += offsets[u]!;
  const edges = new Uint32Array(offsets[n]!);
  const ids = new Uint8Array(offsets[n]! * ID_BYTES);
  const fill = offsets.slice(0, n);
  for (let u = 0; u < old.nodes; u++) {
    for (let k = old.offsets[u]!; k < old.offsets[u + 1]!; k++) {
      if ((old.edges[k]! & 255) === REMOVED) continue;
      const at = fill[u]!++;
      edges[at] = old.edges[k]!;
      ids.set(oldIds.subarray(k * ID_BYTES, (k + 1) * ID_BYTES), at * ID_BYTES);
    }
  }
  for (let k = 0; k < extra.count; k++) {
    if (extra.types[k] === REMOVED) continue;
    const at = fill[extra.failing[k]!]!++;
    edges[at] = extra.impacted[k]! * 256 + extra.types[k]!;
    ids.set(extra.ids.subarray(k * ID_BYTES, (k + 1) * ID_BYTES), at * ID_BYTES);
  }
  return { csr: { nodes: n, offsets, edges }, ids };
}

/** The reverse adjacency, with each entry's position in `csr` (where its id is kept). */
export function transpose(csr: Csr): { csr: Csr; back: Int32Array } {
  const n = csr.nodes;
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < csr.edges.length; k++) offsets[(csr.edges[k]! >>> 8) + 1]! += 1;
  for (let u = 0; u < n; u++) offsets[u + 1]! += offsets[u]!;
  const edges = new Uint32Array(csr.edges.length);
  const back = new Int32Array(csr.edges.length);
  const fill = offsets.slice(0, n);
  // Each CI's list grouped by relationship type, as the impact lists are: a walk then meets a
  // CI's dependencies of one kind together (measured faster on large walks than CI order alone).
  const sources = new Int32Array(csr.edges.length);
  for (let u = 0; u < n; u++) sources.fill(u, csr.offsets[u]!, csr.offsets[u + 1]!);
  const byType = new Int32Array(257);
  for (let k = 0; k < csr.edges.length; k++) byType[(csr.edges[k]! & 255) + 1]! += 1;
  for (let t = 0; t < 256; t++) byType[t + 1]! += byType[t]!;
  const sorted = new Int32Array(csr.edges.length);
  for (let k = 0; k < csr.edges.length; k++) sorted[byType[csr.edges[k]! & 255]!++] = k;
  for (const k of sorted) {
    const at = fill[csr.edges[k]! >>> 8]!++;
    edges[at] = sources[k]! * 256 + (csr.edges[k]! & 255);
    back[at] = k;
  }
  return { csr: { nodes: n, offsets, edges }, back };
}

/**
 * An order of the CIs in which CIs a walk meets together sit together in memory: breadth first down
 * the dependency trees from their tops (CIs nothing depends on, such as business services), then
 * from the other CIs not yet placed, then over relationships in either direction for the rest.
 * Returns order (new → old) and place (old → new).
 */
export function localityOrder(imp: Csr, dep: Csr): { order: Int32Array; place: Int32Array } {
  const n = imp.nodes;
  const order = new Int32Array(n);
  const place = new Int32Array(n).fill(-1);
  let tail = 0;
  const isTop = (u: number) => imp.offsets[u + 1] === imp.offsets[u];
  const passes: [(u: number) => boolean, Csr[]][] = [
    [isTop, [dep]],
    [() => true, [dep]],
    [() => true, [imp, dep]],
  ];
  for (const [seeds, via] of passes) {
    for (let seed = 0; seed < n; seed++) {
      if (place[seed] !== -1 || !seeds(seed)) continue;
      place[seed] = tail;
      order[tail++] = seed;
      for (let head = tail - 1; head < tail; head++) {
        const u = order[head]!;
        for (const c of via) {
          for (let k = c.offsets[u]!; k < c.offsets[u + 1]!; k++) {
            const v = c.edges[k]! >>> 8;
            if (place[v] !== -1) continue;
            place[v] = tail;
            order[tail++] = v;
          }
        }
      }
    }
  }
  return { order, place };
}

/** The impact CSR with its CIs renumbered (`order`: new → old, `place`: old → new). */
export function permute(
  imp: Csr,
  ids: Uint8Array,
  order: Int32Array,
  place: Int32Array,
): { csr: Csr; ids: Uint8Array } {
  const n = imp.nodes;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    offsets[i + 1] = offsets[i]! + imp.offsets[order[i]! + 1]! - imp.offsets[order[i]!]!;
  const edges = new Uint32Array(imp.edges.length);
  const out = new Uint8Array(ids.length);
  for (let i = 0; i < n; i++) {
    let at = offsets[i]!;
    for (let k = imp.offsets[order[i]!]!; k < imp.offsets[order[i]! + 1]!; k++, at++) {
      edges[at] = place[imp.edges[k]! >>> 8]! * 256 + (imp.edges[k]! & 255);
      out.set(ids.subarray(k * ID_BYTES, (k + 1) * ID_BYTES), at * ID_BYTES);
    }
  }
  return { csr: { nodes: n, offsets, edges }, ids: out };
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  throw new RangeError('Not a UUID');
}

/** Write a UUID's 16 bytes at `at`. */
export function writeUuid(target: Uint8Array, at: number, id: string): void {
  if (id.length !== 36) throw new RangeError(`Not a UUID: ${id}`);
  let j = at;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    target[j++] = nibble(id.charCodeAt(i)) * 16 + nibble(id.charCodeAt(++i));
  }
}

/** The UUID whose 16 bytes start at `at`, in its canonical lowercase form. */
export function readUuid(source: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[source[at + i]!];
  }
  return s;
}
