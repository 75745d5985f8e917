import { describe, expect, it } from 'vitest';
import {
  ANSWER_TEXT_MAX,
  describeAnswers,
  type FormField,
  isIsoDate,
  validateAnswers,
  validateFormDefinition,
  visibleFields,
} from './form.ts';

const U1 = '0b6f3a52-5a0e-4c3e-9f59-6a8d7b1f2c01';

const LAPTOP: FormField[] = [
  {
    key: 'model',
    label: 'Model',
    type: 'choice',
    required: true,
    options: [
      { value: 'standard', label: 'Standard 14"' },
      { value: 'pro', label: 'Pro 16"' },
    ],
  },
  {
    key: 'justification',
    label: 'Justification',
    type: 'textarea',
    required: true,
    maxLength: 200,
    visibleIf: { field: 'model', equals: 'pro' },
  },
  { key: 'needed_by', label: 'Needed by', type: 'date', min: '2026-01-01', max: '2026-12-31' },
  { key: 'quantity', label: 'Quantity', type: 'number', min: 1, max: 5 },
];

const ok = (fields: FormField[], raw: Record<string, unknown>) => {
  const r = validateAnswers(fields, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};
const errs = (fields: FormField[], raw: Record<string, unknown>) => {
  const r = validateAnswers(fields, raw);
  if (r.ok) throw new Error('expected errors');
  return Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
};
const one = (f: Omit<FormField, 'key' | 'label'>): FormField[] => [{ key: 'f', label: 'F', ...f }];
/** Options whose values are their labels in lower case. */
const choices = (...labels: string[]) => labels.map((label) => ({ value: label.toLowerCase(), label }));
/** The message for field `f` of each answer given, in order. */
const messagesFor = (fields: FormField[], answers: unknown[]) =>
  answers.map((answer) => errs(fields, { f: answer })['answers.f']);

describe('validateAnswers: types and coercion', () => {
  it('trims text and accepts a number given for a text field as text', () => {
    expect(ok(one({ type: 'text' }), { f: '  hi  ' }).values).toEqual({ f: 'hi' });
    expect(ok(one({ type: 'text' }), { f: 42 }).values).toEqual({ f: '42' });
  });
  it('refuses objects and booleans for text', () => {
    expect(errs(one({ type: 'text' }), { f: { a: 1 } })).toEqual({ 'answers.f': 'must be text' });
    expect(errs(one({ type: 'textarea' }), { f: true })).toEqual({ 'answers.f': 'must be text' });
  });
  it('enforces maxLength after trimming', () => {
    expect(ok(one({ type: 'text', maxLength: 3 }), { f: ' abc ' }).values.f).toBe('abc');
    expect(errs(one({ type: 'textarea', maxLength: 3 }), { f: 'abcd' })['answers.f']).toBe(
      'must be at most 3 characters',
    );
  });
  it('matches the whole answer against a pattern', () => {
    const f = one({ type: 'text', pattern: '[A-Z]{3}-\\d+' });
    expect(ok(f, { f: 'ABC-12' }).values.f).toBe('ABC-12');
    expect(messagesFor(f, ['xABC-12', 'ABC-12x'])).toEqual(
      Array(2).fill('does not have the expected format'),
    );
  });
  it('coerces numeric strings to numbers and checks bounds', () => {
    const f = one({ type: 'number', min: 1, max: 5 });
    expect(ok(f, { f: '3' }).values.f).toBe(3);
    expect(ok(f, { f: 5 }).values.f).toBe(5);
    expect(messagesFor(f, [0, '6', 'three', [1]])).toEqual([
      'must be at least 1',
      'must be at most 5',
      'must be a number',
      'must be a number',
    ]);
  });
  it('takes only plain decimal strings as numbers', () => {
    const f = one({ type: 'number' });
    expect(ok(f, { f: ' -2.5 ' }).values.f).toBe(-2.5);
    const bad = ['0x10', '1e3', 'Infinity', '1,5', '.5', Number.POSITIVE_INFINITY];
    expect(messagesFor(f, bad)).toEqual(bad.map(() => 'must be a number'));
  });
  it('caps text answers even without a maxLength', () => {
    expect(errs(one({ type: 'text' }), { f: 'x'.repeat(ANSWER_TEXT_MAX + 1) })['answers.f']).toBe(
      `must be at most ${ANSWER_TEXT_MAX} characters`,
    );
    expect(ok(one({ type: 'textarea' }), { f: 'x'.repeat(ANSWER_TEXT_MAX) }).values.f).toHaveLength(
      ANSWER_TEXT_MAX,
    );
  });
  it('accepts only real calendar dates within bounds', () => {
    const f = one({ type: 'date', min: '2026-01-01', max: '2026-12-31' });
    expect(ok(f, { f: '2026-02-28' }).values.f).toBe('2026-02-28');
    expect(messagesFor(f, ['2026-02-30', '28/02/2026', '2025-12-31', '2027-01-01'])).toEqual([
      'must be a date YYYY-MM-DD',
      'must be a date YYYY-MM-DD',
      'must be on or after 2026-01-01',
      'must be on or before 2026-12-31',
    ]);
  });
  it('accepts one option value for a choice', () => {
    expect(ok(LAPTOP, { model: 'standard' }).values).toEqual({ model: 'standard' });
    expect(errs(LAPTOP, { model: 'huge' })['answers.model']).toBe('must be one of standard, pro');
  });
  it('normalises a multi-choice to unique values in option order, a single string to a list', () => {
    const f = one({ type: 'multi_choice', options: choices('A', 'B', 'C') });
    expect(ok(f, { f: ['c', 'a', 'c'] }).values.f).toEqual(['a', 'c']);
    expect(ok(f, { f: 'b' }).values.f).toEqual(['b']);
    expect(messagesFor(f, [['a', 'z'], [1]])).toEqual(['z is not an option', 'must be a list of options']);
  });
  it('returns user and CI answers as references to check, lower-cased', () => {
    const fields: FormField[] = [
      { key: 'who', label: 'Who', type: 'user' },
      { key: 'what', label: 'What', type: 'ci', classKey: 'server' },
    ];
    const r = ok(fields, { who: U1.toUpperCase(), what: U1 });
    expect(r.values).toEqual({ who: U1, what: U1 });
    expect(r.references).toEqual([
      { field: 'who', kind: 'user', id: U1, classKey: undefined },
      { field: 'what', kind: 'ci', id: U1, classKey: 'server' },
    ]);
    expect(errs(fields, { who: 'bob' })['answers.who']).toBe('must be an id (UUID)');
  });
});

describe('validateAnswers: required, unknown and blank answers', () => {
  it('requires visible required fields and treats blanks as unanswered', () => {
    expect(errs(LAPTOP, {})).toEqual({ 'answers.model': 'is required' });
    expect(errs(LAPTOP, { model: '  ' })).toEqual({ 'answers.model': 'is required' });
    expect(errs(one({ type: 'multi_choice', required: true, options: choices('A') }), { f: [] })).toEqual({
      'answers.f': 'is required',
    });
    expect(ok(LAPTOP, { model: 'standard', quantity: null, needed_by: '' }).values).toEqual({
      model: 'standard',
    });
  });
  it('refuses keys that are not fields, naming each', () => {
    expect(errs(LAPTOP, { model: 'standard', colour: 'red', size: 2 })).toEqual({
      'answers.colour': 'is not a field of this form',
      'answers.size': 'is not a field of this form',
    });
  });
  it('reports every invalid field at once', () => {
    expect(errs(LAPTOP, { model: 'pro', quantity: 9, needed_by: 'soon' })).toEqual({
      'answers.justification': 'is required',
      'answers.needed_by': 'must be a date YYYY-MM-DD',
      'answers.quantity': 'must be at most 5',
    });
  });
});

describe('validateAnswers: conditional visibility', () => {
  it('requires a conditional field only while it is visible', () => {
    expect(errs(LAPTOP, { model: 'pro' })).toEqual({ 'answers.justification': 'is required' });
    expect(ok(LAPTOP, { model: 'pro', justification: 'video editing' }).values.justification).toBe(
      'video editing',
    );
  });
  it('drops answers to hidden fields instead of storing them, even invalid ones', () => {
    expect(ok(LAPTOP, { model: 'standard', justification: 'x'.repeat(500) }).values).toEqual({
      model: 'standard',
    });
  });
  it('hides a field whose controller is unanswered or invalid', () => {
    expect(errs(LAPTOP, { model: 'huge', justification: 'x' })).toEqual({
      'answers.model': 'must be one of standard, pro',
    });
  });
  const CHAIN: FormField[] = [
    {
      key: 'kind',
      label: 'Kind',
      type: 'choice',
      options: choices('HW', 'SW', 'Other'),
    },
    {
      key: 'device',
      label: 'Device',
      type: 'choice',
      visibleIf: { field: 'kind', in: ['hw', 'other'] },
      options: choices('Phone', 'PC'),
    },
    {
      key: 'phone_number',
      label: 'Number',
      type: 'text',
      required: true,
      visibleIf: { field: 'device', equals: 'phone' },
    },
    { key: 'count', label: 'Count', type: 'number', visibleIf: { field: 'kind', equals: 'sw' } },
    { key: 'extra', label: 'Extra', type: 'text', required: true, visibleIf: { field: 'count', equals: 2 } },
  ];
  it('follows chains: a field under a hidden field is hidden too', () => {
    expect(errs(CHAIN, { kind: 'hw', device: 'phone' })).toEqual({ 'answers.phone_number': 'is required' });
    expect(ok(CHAIN, { kind: 'sw', device: 'phone' }).values).toEqual({ kind: 'sw' });
    expect(ok(CHAIN, { kind: 'other', device: 'pc', phone_number: '1' }).values).toEqual({
      kind: 'other',
      device: 'pc',
    });
  });
  it('compares numbers after coercion', () => {
    expect(errs(CHAIN, { kind: 'sw', count: '2' })).toEqual({ 'answers.extra': 'is required' });
    expect(ok(CHAIN, { kind: 'sw', count: 3, extra: 'x' }).values).toEqual({ kind: 'sw', count: 3 });
  });
  it('shows a field under a multi-choice when any chosen value matches', () => {
    const fields: FormField[] = [
      {
        key: 'apps',
        label: 'Apps',
        type: 'multi_choice',
        options: choices('CRM', 'ERP'),
      },
      {
        key: 'erp_role',
        label: 'ERP role',
        type: 'text',
        required: true,
        visibleIf: { field: 'apps', equals: 'erp' },
      },
    ];
    expect(visibleFields(fields, { apps: ['crm', 'erp'] })).toEqual(new Set(['apps', 'erp_role']));
    expect(visibleFields(fields, { apps: ['crm'] })).toEqual(new Set(['apps']));
    expect(errs(fields, { apps: ['erp'] })).toEqual({ 'answers.erp_role': 'is required' });
  });
});

describe('validateFormDefinition', () => {
  it('accepts a sound form', () => {
    expect(validateFormDefinition(LAPTOP)).toEqual([]);
  });
  it('refuses bad and duplicate keys', () => {
    expect(
      validateFormDefinition([
        { key: 'A b', label: 'x', type: 'text' },
        { key: 'a', label: 'x', type: 'text' },
        { key: 'a', label: 'y', type: 'text' },
      ]).map((p) => p.field),
    ).toEqual(['form.0.key', 'form.2.key']);
  });
  it('checks options, patterns, lengths and bounds by type', () => {
    const problems = validateFormDefinition([
      { key: 'c', label: 'c', type: 'choice', options: [] },
      {
        key: 'd',
        label: 'd',
        type: 'multi_choice',
        options: [
          { value: 'x', label: 'X' },
          { value: 'x', label: 'Y' },
        ],
      },
      { key: 't', label: 't', type: 'text', pattern: '(' },
      { key: 'n', label: 'n', type: 'number', min: 5, max: 1 },
      { key: 'dt', label: 'dt', type: 'date', min: '2026-13-01' },
      { key: 'u', label: 'u', type: 'user', maxLength: 3, options: [{ value: 'a', label: 'a' }] },
      { key: 'ta', label: 'ta', type: 'textarea', pattern: 'a', min: 1 },
    ]);
    expect(problems).toEqual([
      { field: 'form.0.options', message: 'a choice field needs at least one option' },
      { field: 'form.1.options', message: 'option values must be unique' },
      { field: 'form.2.pattern', message: 'is not a valid regular expression' },
      { field: 'form.3.max', message: 'must not be less than min' },
      { field: 'form.4.min', message: 'must be a date YYYY-MM-DD' },
      { field: 'form.5.options', message: 'a user field has no options' },
      { field: 'form.5.maxLength', message: 'only text and textarea fields take a maximum length' },
      { field: 'form.6.pattern', message: 'only text fields take a pattern' },
      { field: 'form.6.min', message: 'only number and date fields take bounds' },
    ]);
  });
  it('requires visibleIf to name an earlier field, one condition, and known options', () => {
    const problems = validateFormDefinition([
      { key: 'a', label: 'a', type: 'text', visibleIf: { field: 'b', equals: 'x' } },
      { key: 'b', label: 'b', type: 'choice', options: choices('X') },
      { key: 'c', label: 'c', type: 'text', visibleIf: { field: 'b', equals: 'x', in: ['x'] } },
      { key: 'd', label: 'd', type: 'text', visibleIf: { field: 'b', in: ['x', 'y'] } },
      { key: 'e', label: 'e', type: 'text', visibleIf: { field: 'e', equals: 'x' } },
    ]);
    expect(problems).toEqual([
      { field: 'form.0.visibleIf.field', message: '"b" must be an earlier field of this form' },
      { field: 'form.2.visibleIf', message: 'give exactly one of equals or in' },
      { field: 'form.3.visibleIf', message: 'y is not an option of "b"' },
      { field: 'form.4.visibleIf.field', message: '"e" must be an earlier field of this form' },
    ]);
  });
});

describe('helpers', () => {
  it('recognises ISO calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });
  it('describes answers with labels', () => {
    expect(describeAnswers(LAPTOP, { model: 'pro', justification: 'video', quantity: 2 })).toBe(
      'Model: Pro 16"\nJustification: video\nQuantity: 2',
    );
  });
});
