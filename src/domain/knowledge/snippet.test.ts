import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK_START, MARK_STOP, plainMarkdown, snippetHtml } from './snippet.ts';

describe('search snippets', () => {
  it('turns the markers into <mark> and drops Markdown punctuation', () => {
    expect(snippetHtml(`Open the **${MARK_START}printer${MARK_STOP}** tray`)).toBe(
      'Open the <mark>printer</mark> tray',
    );
    expect(plainMarkdown('## Steps\n- see [the guide](https://x.example)')).toBe('Steps see the guide');
  });

  it('escapes everything else, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const html = snippetHtml(text.replaceAll(MARK_START, '').replaceAll(MARK_STOP, ''));
        return !/[<>]/.test(html);
      }),
    );
  });
});
