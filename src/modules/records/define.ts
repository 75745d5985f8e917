/**
 * The record-type registry. A record type is a declaration: its identity (key, number prefix,
 * process, label and URL path, from `src/contracts/record-types.ts`), its resolution codes, the
 * Zod contracts of its routes, its own columns (a detail table with load and save), and the use
 * cases that differ from the records core's defaults (a create of its own, checks on a patch, a
 * detail view). The generic
 * routes (`./type-routes.ts`) serve list, create, get, patch, transitions and options from it.
 */
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { RecordListQuery } from '../../contracts/records.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../domain/roles.ts';
import type { RecordRow } from './access.ts';
import type { RecordDetail } from './detail.ts';
import type { UpdateRecordInput } from './service.ts';
import type { TransitionInput } from './transition.ts';
import { type RecordTypeConfig, registerRecordTypeConfig } from './types.ts';

export type Versioned = { id: string; version: number };

/** The route contracts of a type; each feeds validation, serialization and the OpenAPI document. */
export type RecordTypeContracts = {
  /** What GET /{path}/:id answers (the record view, or a detail view extending it). */
  view: z.ZodType;
  /** What PATCH and transitions answer; the `view` unless the type answers them more briefly. */
  changedView?: z.ZodType;
  /** One item of GET /{path}. */
  listItem: z.ZodType;
  listQuery: z.ZodType<RecordListQuery, unknown>;
  /** The body of POST /{path}; a type without it is created by other means (no create route). */
  create?: z.ZodType;
  patch: z.ZodType<UpdateRecordInput, unknown>;
  transition: z.ZodType<TransitionInput, unknown>;
};

export type RecordTypeSummaries = Partial<
  Record<'list' | 'create' | 'get' | 'patch' | 'transition' | 'options', string>
>;

/**
 * The use cases of a type. Anything left out uses the records core (create with the create
 * contract, get, update, transition with the type's resolution codes), with the type's detail
 * table when it has one. A type without a create contract has no create route.
 */
export type RecordTypeOperations = {
  create?: (ctx: AppContext, actor: Actor, body: never) => Promise<Versioned>;
  get?: (ctx: AppContext, actor: Actor, idOrNumber: string) => Promise<Versioned>;
  update?: (
    ctx: AppContext,
    actor: Actor,
    idOrNumber: string,
    patch: UpdateRecordInput,
    expectedVersion: number | undefined,
  ) => Promise<Versioned>;
  transition?: (
    ctx: AppContext,
    actor: Actor,
    idOrNumber: string,
    input: TransitionInput,
    expectedVersion: number | undefined,
  ) => Promise<Versioned>;
};

export type RecordTypeDefinition = {
  config: RecordTypeConfig;
  /** OpenAPI tag of the type's routes; its path by default. */
  tag?: string;
  resolutionCodes: readonly string[];
  contracts: RecordTypeContracts;
  summaries?: RecordTypeSummaries;
  /**
   * Checks and normalisation of a patch inside its transaction (e.g. canonical category names);
   * returns values to apply over the patch.
   */
  normalisePatch?: (current: RecordRow, patch: UpdateRecordInput, tx: Db) => Promise<UpdateRecordInput>;
  operations?: RecordTypeOperations;
  /** The type's own columns in its detail table; merged into views and split out of bodies. */
  detail?: RecordDetail;
};

export type RecordType = RecordTypeDefinition & { tag: string; operations: RecordTypeOperations };

const registry = new Map<string, RecordType>();

/** Declare a record type: its config joins the records core's list and its routes can be served. */
export function defineRecordType(def: RecordTypeDefinition): RecordType {
  const type: RecordType = { ...def, tag: def.tag ?? def.config.path, operations: def.operations ?? {} };
  registerRecordTypeConfig(def.config);
  registry.set(def.config.type, type);
  return type;
}

export function definedRecordType(key: string): RecordType | undefined {
  return registry.get(key);
}

export function definedRecordTypes(): RecordType[] {
  return [...registry.values()];
}
