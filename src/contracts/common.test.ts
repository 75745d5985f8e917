import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requiredText, Uuid } from './common.ts';

const messages = (schema: z.ZodType, input: unknown) =>
  Object.fromEntries((schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('what a schema says of a field left out or left empty', () => {
  const form = z.object({
    title: z.string().min(1).max(10),
    count: z.number(),
    tags: z.array(z.string().min(1)),
    name: requiredText(20),
    ownerId: Uuid,
    code: z.string().min(3),
    note: z.string().min(1, 'say something'),
  });

  it('is "is required" for an empty text, a missing value, an empty id', () => {
    expect(
      messages(form, { title: '', tags: [''], name: '  ', ownerId: '', code: 'abc', note: 'x' }),
    ).toEqual({
      title: 'is required',
      count: 'is required',
      'tags.0': 'is required',
      name: 'is required',
      ownerId: 'is required',
    });
  });

  it('keeps what a schema says itself, and Zod’s words for values given but wrong', () => {
    const said = messages(form, {
      title: 'x'.repeat(11),
      count: 'seven',
      tags: [],
      name: 'n',
      ownerId: 'x',
      code: 'ab',
      note: '',
    });
    expect(said.note).toBe('say something');
    expect(said.ownerId).toBe('must be a UUID');
    expect(said.count).toMatch(/expected number/);
    expect(said.title).toMatch(/Too big/);
    expect(said.code).toMatch(/Too small/);
  });
});
