import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText, diffVersions, sideOf } from './diff.ts';

describe('diff presentation', () => {
  it('marks changed words', () => {
    const d = diffText('Choose the Paris gateway', 'Choose the Lyon gateway', 'words');
    expect(d.segments).toEqual([
      { kind: 'same', text: 'Choose the ' },
      { kind: 'removed', text: 'Paris' },
      { kind: 'added', text: 'Lyon' },
      { kind: 'same', text: ' gateway' },
    ]);
    expect(d).toMatchObject({ added: 1, removed: 1, changed: true });
  });

  it('marks changed lines and counts them', () => {
    const d = diffText('one\ntwo\nthree\n', 'one\n2\nthree\nfour\n', 'lines');
    expect(d.segments.filter((s) => s.kind === 'removed').map((s) => s.text)).toEqual(['two\n']);
    expect(d.segments.filter((s) => s.kind === 'added').map((s) => s.text)).toEqual(['2\n', 'four\n']);
    expect(d).toMatchObject({ added: 2, removed: 1 });
  });

  it('reports no change for equal texts', () => {
    expect(diffText('same text', 'same text', 'words')).toEqual({
      segments: [{ kind: 'same', text: 'same text' }],
      added: 0,
      removed: 0,
      changed: false,
    });
  });

  it('never shows two segments of the same kind in a row', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const kinds = diffText(a, b, 'words').segments.map((s) => s.kind);
        return kinds.every((k, i) => i === 0 || k !== kinds[i - 1]);
      }),
    );
  });

  it('rebuilds both texts exactly from the segments, by words and by lines', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom('words' as const, 'lines' as const),
        (a, b, mode) => {
          const d = diffText(a, b, mode);
          return sideOf(d.segments, 'before') === a && sideOf(d.segments, 'after') === b;
        },
      ),
    );
  });

  it('diffs title, summary and body of two versions', () => {
    const d = diffVersions(
      { title: 'VPN', summary: '', body: 'a\nb\n' },
      { title: 'VPN', summary: 'New', body: 'a\nc\n' },
      'lines',
    );
    expect(d.title.changed).toBe(false);
    expect(d.summary.changed).toBe(true);
    expect(d.body).toMatchObject({ added: 1, removed: 1 });
  });
});
