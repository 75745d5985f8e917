/**
 * Article bodies are Markdown. They are rendered with markdown-it (raw HTML in the source is not
 * passed through) and the output is sanitised again with sanitize-html, so nothing an author
 * writes can run script in a reader's browser.
 */
import type MarkdownIt from 'markdown-it';
import type sanitizeHtml from 'sanitize-html';
import { onFirstUse } from '../../on-first-use.ts';

/** The renderer, made on the first article rendered. */
const renderer = onFirstUse((load) => {
  const sanitize = load('sanitize-html') as typeof sanitizeHtml;
  const md = new (load('markdown-it') as typeof MarkdownIt)({
    html: false,
    linkify: true,
    typographer: false,
  });
  const allowed = allowedHtml(sanitize);
  return (source: string) => sanitize(md.render(source), allowed);
});

function allowedHtml(sanitize: typeof sanitizeHtml): sanitizeHtml.IOptions {
  return {
    allowedTags: [...sanitize.defaults.allowedTags, 'h1', 'h2', 'img'],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title'],
      code: ['class'],
      th: ['align', 'style'],
      td: ['align', 'style'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
    transformTags: {
      a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
    },
  };
}

export function renderMarkdown(source: string): string {
  return renderer()(source);
}
