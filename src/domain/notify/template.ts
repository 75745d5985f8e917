/**
 * Notification templates: `{{name}}` puts a variable in, `{{#name}}…{{/name}}` keeps a section only
 * when the variable has a non-empty value, `{{^name}}…{{/name}}` only when it has none. Rendering
 * for HTML escapes every value, so a record title or comment can never inject markup; the HTML a
 * template itself contains is the administrator's. Unknown variables are refused when a template
 * is saved (validateTemplate), and render as nothing if one slips through.
 */
import { escapeHtml } from '../html-escape.ts';

export type TemplateVars = Readonly<Record<string, string | number | null | undefined>>;

/** Rendering for HTML escapes values as every HTML Steward writes does. */
export { escapeHtml };

const TAG = /\{\{\s*([#^/]?)\s*([a-zA-Z][a-zA-Z0-9_.]*)\s*\}\}/g;

/** Plain text as HTML: escaped, paragraphs on blank lines, line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; body: Token[] };

export class TemplateError extends Error {}

function parse(source: string): Token[] {
  const root: Token[] = [];
  const stack: { name: string; tokens: Token[] }[] = [{ name: '', tokens: root }];
  let last = 0;
  for (const m of source.matchAll(TAG)) {
    const top = stack.at(-1)!;
    if (m.index > last) top.tokens.push({ kind: 'text', text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    const [, sigil, name] = m as unknown as [string, string, string];
    if (sigil === '') top.tokens.push({ kind: 'var', name });
    else if (sigil === '/') {
      if (stack.length === 1 || top.name !== name)
        throw new TemplateError(`{{/${name}}} closes a section that is not open.`);
      stack.pop();
    } else {
      const section: Token = { kind: 'section', name, inverted: sigil === '^', body: [] };
      top.tokens.push(section);
      stack.push({ name, tokens: section.body });
    }
  }
  if (stack.length > 1) throw new TemplateError(`The section {{#${stack.at(-1)!.name}}} is never closed.`);
  if (last < source.length) root.push({ kind: 'text', text: source.slice(last) });
  return root;
}

const present = (v: TemplateVars[string]) => v !== null && v !== undefined && String(v) !== '';

function emit(tokens: Token[], vars: TemplateVars, html: boolean): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'text') out += t.text;
    else if (t.kind === 'var') {
      const v = vars[t.name];
      const s = present(v) ? String(v) : '';
      out += html ? escapeHtml(s) : s;
    } else if (present(vars[t.name]) !== t.inverted) out += emit(t.body, vars, html);
  }
  return out;
}

/** Render a template; `html` escapes every value. Throws TemplateError on a malformed template. */
export function renderTemplate(source: string, vars: TemplateVars, opts: { html?: boolean } = {}): string {
  return emit(parse(source), vars, opts.html ?? false);
}

/** The variables a template uses, sections included. */
export function templateVariables(source: string): string[] {
  const names = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.kind === 'var') names.add(t.name);
      if (t.kind === 'section') {
        names.add(t.name);
        walk(t.body);
      }
    }
  };
  walk(parse(source));
  return [...names];
}

/** Problems with a template: malformed, or naming variables the event does not offer. */
export function validateTemplate(source: string, known: readonly string[]): string[] {
  try {
    const unknown = templateVariables(source).filter((n) => !known.includes(n));
    return unknown.map((n) => `{{${n}}} is not a variable of this event (use: ${known.join(', ')}).`);
  } catch (err) {
    if (err instanceof TemplateError) return [err.message];
    throw err;
  }
}
