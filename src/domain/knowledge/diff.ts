/**
 * A readable diff between two versions of an article's text, by words or by lines, as a list of
 * segments (unchanged, added, removed) the web app colours, with totals. Built on the `diff`
 * package; pure.
 */
import { onFirstUse } from '../../on-first-use.ts';

/** Loaded on the first comparison of two versions, not at start. */
const library = onFirstUse((load) => load('diff') as typeof import('diff'));

export type DiffMode = 'words' | 'lines';
export type DiffSegment = { kind: 'same' | 'added' | 'removed'; text: string };
export type FieldDiff = { segments: DiffSegment[]; added: number; removed: number; changed: boolean };

/** Count words for word diffs, lines for line diffs. */
function size(text: string, mode: DiffMode): number {
  if (mode === 'lines') return text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1).length;
  return text.split(/\s+/).filter(Boolean).length;
}

export function diffText(before: string, after: string, mode: DiffMode): FieldDiff {
  const { diffLines, diffWordsWithSpace } = library();
  const parts = mode === 'lines' ? diffLines(before, after) : diffWordsWithSpace(before, after);
  const segments: DiffSegment[] = [];
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    const kind = p.added ? 'added' : p.removed ? 'removed' : 'same';
    if (kind === 'added') added += size(p.value, mode);
    if (kind === 'removed') removed += size(p.value, mode);
    const last = segments.at(-1);
    if (last && last.kind === kind) last.text += p.value;
    else if (p.value !== '') segments.push({ kind, text: p.value });
  }
  return { segments, added, removed, changed: added > 0 || removed > 0 };
}

/** Rebuild either side from the segments (what the web app shows is exactly the two texts). */
export function sideOf(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'added' : 'removed';
  return segments
    .filter((s) => s.kind !== skip)
    .map((s) => s.text)
    .join('');
}

export type VersionText = { title: string; summary: string; body: string };

export function diffVersions(
  before: VersionText,
  after: VersionText,
  mode: DiffMode,
): { title: FieldDiff; summary: FieldDiff; body: FieldDiff } {
  return {
    title: diffText(before.title, after.title, 'words'),
    summary: diffText(before.summary, after.summary, 'words'),
    body: diffText(before.body, after.body, mode),
  };
}
