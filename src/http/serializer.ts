/**
 * Response serialization: each route's Zod response schema is turned into JSON Schema and
 * compiled by fast-json-stringify. Output keeps exactly the declared properties (nothing
 * undeclared can leak) and costs a fraction of validating every response with Zod.
 *
 * A schema is compiled once, on the first response that needs it, and shared by every route and
 * status code declaring the same schema (the problem documents are one schema behind thousands of
 * route × status pairs). Compiling all of them at start-up took most of the start and kept tens
 * of megabytes of generated code alive for routes an instance may never answer.
 */
import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type Serializer = (data: unknown) => string;
type SerializerCompiler = (route: { schema: unknown }) => Serializer;

const compiled = new WeakMap<z.ZodType, Serializer>();
/** Every response schema a route declared (alive as long as its routes anyway). */
const declared = new Set<z.ZodType>();

/** The compiled serializer of a schema (compiled now if this is its first use). */
export function serializerOf(schema: z.ZodType): Serializer {
  let serialize = compiled.get(schema);
  if (!serialize) {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
    delete json.$schema;
    serialize = fastJson(json);
    compiled.set(schema, serialize);
  }
  return serialize;
}

export const fastSerializerCompiler: SerializerCompiler = ({ schema }) => {
  if (!(schema instanceof z.ZodType)) return (data) => JSON.stringify(data);
  declared.add(schema);
  return (data) => serializerOf(schema)(data);
};

/** Compile every declared response schema now (the tests check that each one compiles); returns how many. */
export function compileDeclaredSerializers(): number {
  for (const schema of declared) serializerOf(schema);
  return declared.size;
}
