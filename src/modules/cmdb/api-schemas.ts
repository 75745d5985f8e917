/** Zod shapes of the CMDB API, shared by its route files and fed to OpenAPI. */
import { z } from 'zod';
import type { AttributeType } from '../../domain/cmdb/classes.ts';
import { DEFAULT_MAX_NODES, DEFAULT_MAX_SERVICES } from '../../domain/cmdb/impact.ts';
import { GroupRef, PersonRef } from '../../http/schemas.ts';
import { CI_STATUSES } from './model.ts';

const ATTRIBUTE_TYPE_KEYS = [
  'string',
  'text',
  'integer',
  'number',
  'boolean',
  'date',
  'datetime',
  'enum',
  'ip',
  'url',
  'reference',
] as const satisfies readonly AttributeType[];

export const ClassKey = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lowercase snake_case');
export const CiStatus = z.enum(CI_STATUSES);
export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const Attributes = z.record(z.string(), AttributeValue);

export const AttributeDef = z
  .object({
    key: z.string().min(1).max(63),
    label: z.string().trim().min(1).max(120),
    type: z.enum(ATTRIBUTE_TYPE_KEYS),
    required: z.boolean().default(false),
    unique: z.boolean().default(false),
    allowedValues: z.array(z.string().min(1).max(200)).max(500).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().optional(),
    referenceClass: z.string().max(63).optional(),
  })
  .meta({ id: 'CiAttributeDef' });

export const ClassInput = z.object({
  label: z.string().trim().min(1).max(120),
  parent: ClassKey.nullable().default(null),
  abstract: z.boolean().default(false),
  attributes: z.array(AttributeDef).max(200).default([]),
  identifiers: z
    .array(z.string().max(63))
    .max(20)
    .nullish()
    .describe('Attribute keys identifying CIs on import; null or absent inherits the parent’s'),
});

export const ClassView = z
  .object({
    key: z.string(),
    label: z.string(),
    parent: z.string().nullable(),
    abstract: z.boolean(),
    builtin: z.boolean(),
    attributes: z.array(AttributeDef),
    identifiers: z.array(z.string()).nullable(),
    effectiveAttributes: z.array(AttributeDef.extend({ inheritedFrom: z.string().nullable() })),
    effectiveIdentifiers: z.array(z.string()),
    children: z.array(z.string()),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CiClass' });

export const CiRef = z
  .object({
    id: z.string(),
    name: z.string(),
    classKey: z.string(),
    classLabel: z.string(),
    status: CiStatus,
  })
  .meta({ id: 'CiRef' });

export const CiView = CiRef.extend({
  owner: PersonRef.nullable(),
  supportGroup: GroupRef.nullable(),
  location: z.string().nullable(),
  description: z.string(),
  attributes: Attributes,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  allowedActions: z.array(z.enum(['update', 'delete'])),
}).meta({ id: 'Ci' });

export const HistoryEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    field: z.string(),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
  })
  .meta({ id: 'CmdbHistoryEntry' });

export const RelationshipType = z
  .object({
    key: z.string(),
    forwardLabel: z.string(),
    reverseLabel: z.string(),
    allowed: z.array(z.object({ from: z.string(), to: z.string() })),
    propagatesImpact: z.enum(['forward', 'reverse', 'none']),
  })
  .meta({ id: 'CiRelationshipType' });

export const Relationship = z
  .object({
    id: z.string(),
    type: z.string(),
    label: z.string(),
    reverseLabel: z.string(),
    from: CiRef,
    to: CiRef,
    createdAt: z.string(),
  })
  .meta({ id: 'CiRelationship' });

export const CiRelationship = z
  .object({
    id: z.string(),
    type: z.string(),
    direction: z.enum(['outgoing', 'incoming']),
    label: z.string(),
    ci: CiRef,
    createdAt: z.string(),
  })
  .meta({ id: 'CiRelationshipFromCi' });

const CustomerRef = z.object({ id: z.string(), name: z.string() });
const AgreementRef = z.object({ id: z.string(), name: z.string(), detail: z.string().nullable() });
const ImpactStep = z.object({
  relationshipId: z.string(),
  from: z.string(),
  to: z.string(),
  type: z.string(),
  label: z.string(),
});
const ImpactItem = z.object({
  ci: CiRef,
  depth: z.number(),
  path: z.array(ImpactStep),
  because: z.string(),
});

export const ImpactView = z
  .object({
    mode: z.enum(['impact', 'dependencies']),
    roots: z.array(CiRef),
    depth: z.number().nullable(),
    truncated: z
      .boolean()
      .describe('true when the lists show only the nearest CIs or services; `counts` are always complete'),
    counts: z
      .object({
        cis: z.number().describe('CIs reached, the analysed CIs excluded'),
        services: z.number().describe('Services reached, the analysed CIs included'),
        byClass: z.array(z.object({ classKey: z.string(), label: z.string(), count: z.number() })),
        byDepth: z.array(z.number()).describe('CIs at each distance; index 0 counts the analysed CIs'),
      })
      .describe('Everything the walk reached, however many CIs the lists show'),
    nodes: z.array(CiRef.extend({ depth: z.number(), isService: z.boolean() })),
    edges: z.array(
      z.object({ id: z.string(), from: z.string(), to: z.string(), type: z.string(), label: z.string() }),
    ),
    items: z.array(ImpactItem),
    services: z.array(
      ImpactItem.extend({
        customers: z.array(CustomerRef),
        slas: z.array(AgreementRef),
      }),
    ),
    customers: z
      .array(CustomerRef)
      .describe('Impact: every customer of every service reached, listed or not; dependencies: none'),
    slas: z
      .array(AgreementRef)
      .describe(
        'Impact: every agreement in force on every service reached, listed or not; dependencies: none',
      ),
  })
  .meta({ id: 'CiImpact' });

export const ImpactQuery = z.object({
  depth: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('Maximum distance; unbounded when absent'),
  maxNodes: z.coerce
    .number()
    .int()
    .min(1)
    .max(20_000)
    .default(DEFAULT_MAX_NODES)
    .describe('List at most this many reached CIs, nearest first; `counts` has them all'),
  maxServices: z.coerce
    .number()
    .int()
    .min(1)
    .max(20_000)
    .default(DEFAULT_MAX_SERVICES)
    .describe('List at most this many reached services, nearest first; `counts` has them all'),
});

/** Money in major units with at most cents; stored as numeric(14,2). */
export const Money = z
  .number()
  .min(0)
  .max(999_999_999_999)
  .transform((v) => Math.round(v * 100) / 100);
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
export const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/** Zod leaves absent optional fields as undefined; services take "absent" as "leave alone". */
export function defined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
