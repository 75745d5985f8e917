/**
 * Fuzzing helpers: fast-check arbitraries generated from the OpenAPI document's JSON schemas,
 * mixed with hostile values (NUL, unpaired surrogates, huge strings, injection strings).
 */
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

export const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udc00y',
  "' OR '1'='1' --",
  '"; drop table records; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%ff',
  '\u202e\u200b\ufeff',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00.001Z',
  '00000000-0000-0000-0000-000000000000',
];

/** Strings up to about 1 MB (just under the body limit once quoted). */
export const HUGE_STRING = 'x'.repeat(1024 * 1024 - 64);

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const plain =
    s.format === 'uuid'
      ? fc.uuid()
      : s.format === 'date-time'
        ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
        : s.format === 'date'
          ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
          : s.format === 'email'
            ? fc.emailAddress()
            : fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
  return fc.oneof(
    { weight: 3, arbitrary: plain },
    { weight: 1, arbitrary: hostileString },
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
}

function resolve(s: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split('/').at(-1)!;
  return components[name] ?? {};
}

/** An arbitrary of values roughly fitting `schema`, sometimes not, sometimes hostile. */
export function arbitraryOf(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (depth > 4) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), hostileString);
  const alts = s.anyOf ?? s.oneOf;
  if (alts && alts.length > 0) return fc.oneof(...alts.map((a) => arbitraryOf(a, components, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return arbitraryOf(s.allOf[0]!, components, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return fc.oneof(
        fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 1000, 1e6) }),
        fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5),
      );
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(1e308));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryOf(s.items ?? {}, components, depth + 1), { maxLength: 4 });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const shape = Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, arbitraryOf(v, components, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), hostileString);
  }
}

/** Raw JSON bodies JSON.stringify cannot produce, or that stress the parser. */
export const RAW_BODIES = [
  '{"title":"\\ud800x","name":"\\udfff","email":"\\ud800@x.example","body":"\\u0000"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`,
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  '{"title":',
  'null',
  '[]',
  '"just a string"',
  JSON.stringify({ title: HUGE_STRING }),
  JSON.stringify({ name: HUGE_STRING, body: 'b' }),
];

export const HOSTILE_IDS = [
  '%00',
  '%ED%A0%80',
  '%27%20OR%201%3D1--',
  'a'.repeat(101),
  '..%2F..%2Fetc%2Fpasswd',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  '%F0%9F%98%80',
  '%C0%AE',
];

export const HOSTILE_QUERY_VALUES = [
  '%00',
  '%ED%A0%80',
  '%27--',
  'x'.repeat(600),
  '0000-01-01T00:00:00Z',
  '-1',
  '%5B%5D',
];
