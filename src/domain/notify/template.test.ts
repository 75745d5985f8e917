import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTemplate, templateVariables, textToHtml, validateTemplate } from './template.ts';

describe('renderTemplate', () => {
  it('puts variables in and keeps sections only when their variable has a value', () => {
    const t =
      '{{recordNumber}}: {{title}}{{#comment}}\n> {{comment}}{{/comment}}{{^assignee}} (unassigned){{/assignee}}';
    expect(renderTemplate(t, { recordNumber: 'INC1', title: 'Down', comment: 'Hi', assignee: 'Al' })).toBe(
      'INC1: Down\n> Hi',
    );
    expect(renderTemplate(t, { recordNumber: 'INC1', title: 'Down', comment: '', assignee: null })).toBe(
      'INC1: Down (unassigned)',
    );
  });

  it('escapes every value in HTML, never the template itself', () => {
    const out = renderTemplate(
      '<p>{{title}}</p>',
      { title: '<script>alert("x")</script> & \'q\'' },
      { html: true },
    );
    expect(out).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>');
  });

  it('leaves text untouched in plain text and renders unknown variables as nothing', () => {
    expect(renderTemplate('{{a}}|{{missing}}|', { a: '<b>' })).toBe('<b>||');
  });

  it('no value can open a tag in HTML output (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = renderTemplate('<i>{{v}}</i>', { v: s }, { html: true });
        const inner = out.slice(3, -4);
        expect(inner).not.toMatch(/[<>"']/);
      }),
    );
  });

  it('a value is never read as template syntax', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}');
  });
});

describe('validateTemplate', () => {
  it('names unknown variables and malformed sections', () => {
    expect(validateTemplate('{{title}} {{nope}}', ['title'])).toEqual([
      '{{nope}} is not a variable of this event (use: title).',
    ]);
    expect(validateTemplate('{{#title}}x', ['title'])[0]).toContain('never closed');
    expect(validateTemplate('x{{/title}}', ['title'])[0]).toContain('not open');
    expect(validateTemplate('{{#title}}{{title}}{{/title}}', ['title'])).toEqual([]);
  });

  it('lists the variables used, sections included', () => {
    expect(templateVariables('{{#a}}{{b}}{{/a}}{{c}}').sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('textToHtml', () => {
  it('escapes and keeps paragraphs and line breaks', () => {
    expect(textToHtml('a<b\nc\n\nd')).toBe('<p>a&lt;b<br>c</p>\n<p>d</p>');
    expect(escapeHtml('&')).toBe('&amp;');
  });
});
