/**
 * Search snippets: PostgreSQL's ts_headline marks the matches with sentinels in plain text; here
 * the text loses its Markdown punctuation, is HTML-escaped, and the sentinels become <mark>, so a
 * snippet is safe to show as HTML whatever the article contains.
 */
import { escapeHtml } from '../html-escape.ts';

export const MARK_START = '\u0002';
export const MARK_STOP = '\u0003';

/** Markdown reduced to its words: links keep their text, markup characters go. */
export function plainMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[`*_~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function snippetHtml(headline: string): string {
  const plain = plainMarkdown(headline);
  return escapeHtml(plain)
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_STOP, '</mark>')
    .replace(/<mark><\/mark>/g, '');
}
