import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastSerializerCompiler, serializerOf } from './serializer.ts';

describe('response serializer', () => {
  const schema = z.object({ id: z.string(), n: z.number().int(), at: z.date().optional() });

  it('keeps only declared properties', () => {
    const serialize = fastSerializerCompiler({ schema });
    expect(JSON.parse(serialize({ id: 'a', n: 2, secret: 'x' }))).toEqual({ id: 'a', n: 2 });
  });

  it('compiles a schema once, on first use, for every route that declares it', () => {
    const a = fastSerializerCompiler({ schema });
    const b = fastSerializerCompiler({ schema });
    a({ id: 'a', n: 1 });
    const first = serializerOf(schema);
    b({ id: 'b', n: 2 });
    expect(serializerOf(schema)).toBe(first);
  });

  it('falls back to JSON for schemas that are not Zod', () => {
    expect(fastSerializerCompiler({ schema: { type: 'object' } })({ x: 1 })).toBe('{"x":1}');
  });
});
