/**
 * Wire shapes of the CMDB API (classes, CIs, relationships, impact, assets, contracts, licences,
 * imports): the server validates, serializes and documents with them, and the web app and the
 * tests use their types.
 */
import { z } from 'zod';
import { ASSET_STATES } from '../domain/cmdb/assets.ts';
import { ATTRIBUTE_TYPES, type AttributeType } from '../domain/cmdb/classes.ts';
import { DEPRECIATION_METHODS } from '../domain/cmdb/depreciation.ts';
import { DEFAULT_MAX_NODES, DEFAULT_MAX_SERVICES } from '../domain/cmdb/impact.ts';
import { LICENCE_METRICS } from '../domain/cmdb/licences.ts';
import {
  CI_STATUSES,
  CONTRACT_KINDS,
  IMPORT_FORMATS,
  IMPORT_OUTCOMES,
  IMPORT_TYPES,
} from '../domain/cmdb/vocabulary.ts';
import { LIMITS } from '../shared/limits.ts';
import {
  FieldChange,
  formatMessage,
  GroupRef,
  NamedRef,
  PersonRef,
  requiredText,
  Uuid,
  Versioned,
} from './common.ts';

const ATTRIBUTE_TYPE_KEYS = ATTRIBUTE_TYPES as readonly AttributeType[] as [
  AttributeType,
  ...AttributeType[],
];

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
  ...Versioned.shape,
  allowedActions: z.array(z.enum(['update', 'delete'])),
}).meta({ id: 'Ci' });

export const HistoryEntry = FieldChange.meta({ id: 'CmdbHistoryEntry' });

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

export const CustomerRef = NamedRef;
export const AgreementRef = NamedRef.extend({ detail: z.string().nullable() });
export const ImpactStep = z.object({
  relationshipId: z.string(),
  from: z.string(),
  to: z.string(),
  type: z.string(),
  label: z.string(),
});
export const ImpactItem = z.object({
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
export const IsoDate = z.iso.date({ error: formatMessage('must be a date written YYYY-MM-DD') });

export const AssetState = z.enum(ASSET_STATES);
const Text = (max: number) => z.string().trim().max(max);

export const AssetInput = z.object({
  assetTag: Text(50).min(1, 'is required'),
  name: Text(LIMITS.titleMax).min(1, 'is required'),
  serialNumber: Text(100).nullish(),
  model: Text(100).nullish(),
  state: AssetState.optional().describe('Initial state, in_stock by default; later moves use transitions'),
  ciId: Uuid.nullish(),
  assignedToId: Uuid.nullish(),
  location: Text(LIMITS.nameMax).nullish(),
  supplierId: Uuid.nullish(),
  purchaseOrder: Text(100).nullish(),
  cost: Money.nullish(),
  currency: Currency.nullish(),
  purchaseDate: IsoDate.nullish(),
  warrantyEnd: IsoDate.nullish(),
  depreciationMethod: z.enum(DEPRECIATION_METHODS).optional(),
  usefulLifeMonths: z.number().int().min(1).max(600).nullish(),
  salvageValue: Money.nullish(),
  notes: z.string().max(5000).optional(),
});
export const AssetPatch = AssetInput.omit({ state: true }).partial();

export const AssetTransition = z.object({
  to: AssetState,
  assignedToId: Uuid.nullish(),
  location: Text(LIMITS.nameMax).nullish(),
  note: z.string().max(2000).optional(),
});

export const AssetView = z
  .object({
    id: z.string(),
    assetTag: z.string(),
    serialNumber: z.string().nullable(),
    name: z.string(),
    model: z.string().nullable(),
    state: AssetState,
    stateLabel: z.string(),
    nextStates: z.array(AssetState),
    ci: CiRef.nullable(),
    assignedTo: PersonRef.nullable(),
    location: z.string().nullable(),
    supplier: GroupRef.nullable(),
    purchaseOrder: z.string().nullable(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    purchaseDate: z.string().nullable(),
    warrantyEnd: z.string().nullable(),
    underWarranty: z.boolean().nullable(),
    depreciationMethod: z.enum(DEPRECIATION_METHODS),
    usefulLifeMonths: z.number().nullable(),
    salvageValue: z.number().nullable(),
    currentValue: z.number().nullable().describe('Book value today after depreciation'),
    notes: z.string(),
    ...Versioned.shape,
    allowedActions: z.array(z.enum(['update', 'transition'])),
  })
  .meta({ id: 'Asset' });

export const ContractInput = z.object({
  name: requiredText(LIMITS.titleMax),
  kind: z.enum(CONTRACT_KINDS),
  supplierId: Uuid.describe('An organisation of kind supplier'),
  reference: z.string().trim().max(100).nullish(),
  startDate: IsoDate,
  endDate: IsoDate,
  cost: Money.nullish(),
  currency: Currency.nullish(),
  warnDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe('Days before the end date to warn; 30 by default'),
  notes: z.string().max(5000).optional(),
});

export const ContractView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(CONTRACT_KINDS),
    supplier: GroupRef.nullable(),
    reference: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    warnDays: z.number(),
    notes: z.string(),
    status: z.enum(['upcoming', 'active', 'expiring', 'expired']),
    daysLeft: z.number(),
    lastWarning: z.object({ warnedAt: z.string(), daysLeft: z.number() }).nullable(),
    coverageCount: z.number(),
    ...Versioned.shape,
    allowedActions: z.array(z.literal('update')),
  })
  .meta({ id: 'Contract' });

export const Coverage = z
  .object({
    id: z.string(),
    ci: CiRef.nullable(),
    asset: z.object({ id: z.string(), assetTag: z.string(), name: z.string(), state: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ContractCoverage' });

export const LicenceMetric = z.enum(LICENCE_METRICS);
export const Compliance = z
  .object({
    entitled: z.number(),
    consumed: z.number(),
    unused: z.number().describe('Entitlements paid for and not used'),
    shortfall: z.number().describe('Use beyond the entitlements'),
    status: z.enum(['compliant', 'over_licensed', 'under_licensed']),
  })
  .meta({ id: 'LicenceCompliance' });

export const LicenceInput = z.object({
  product: requiredText(200),
  vendor: requiredText(200),
  metric: LicenceMetric,
  contractId: Uuid.nullish(),
  notes: z.string().max(5000).optional(),
});
export const LicenceView = z
  .object({
    id: z.string(),
    product: z.string(),
    vendor: z.string(),
    metric: LicenceMetric,
    contract: GroupRef.nullable(),
    notes: z.string(),
    compliance: Compliance,
    ...Versioned.shape,
    allowedActions: z.array(z.literal('update')),
  })
  .meta({ id: 'Licence' });
export const Entitlement = z
  .object({
    id: z.string(),
    quantity: z.number(),
    purchaseOrder: z.string().nullable(),
    purchasedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    inForce: z.boolean(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LicenceEntitlement' });
export const Installation = z
  .object({
    id: z.string(),
    ci: CiRef.nullable(),
    user: PersonRef.nullable(),
    cores: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LicenceInstallation' });

export const ImportView = z
  .object({
    id: z.string(),
    type: z.enum(IMPORT_TYPES),
    format: z.enum(IMPORT_FORMATS),
    filename: z.string(),
    dryRun: z.boolean(),
    status: z.enum(['pending', 'running', 'completed', 'failed']),
    total: z.number(),
    processed: z.number(),
    percent: z.number(),
    counts: z.object({
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      rejected: z.number(),
    }),
    failure: z.string().nullable(),
    createdBy: NamedRef.nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    errors: z.array(z.object({ row: z.number(), message: z.string() })),
  })
  .meta({ id: 'CmdbImport' });

export const ImportRowView = z
  .object({
    row: z.number(),
    outcome: z.enum(IMPORT_OUTCOMES),
    targetId: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'CmdbImportRow' });

export const CiInput = z.object({
  classKey: ClassKey,
  name: requiredText(LIMITS.titleMax),
  status: CiStatus.optional(),
  ownerId: Uuid.nullish(),
  supportGroupId: Uuid.nullish(),
  location: z.string().max(LIMITS.nameMax).nullish(),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  attributes: z.record(z.string(), z.unknown()).optional().describe('Values by attribute key; see the class'),
});
export const CiPatch = CiInput.omit({ classKey: true }).partial();
export const RecordCi = CiRef.extend({ linkedAt: z.string() }).meta({ id: 'RecordCi' });
export const CiRecord = z
  .object({
    id: z.string(),
    type: z.string(),
    number: z.string(),
    title: z.string(),
    state: z.string(),
    priority: z.number(),
    createdAt: z.string(),
    linkedAt: z.string(),
  })
  .meta({ id: 'CiRecord' });

export type { CiStatus as CiStatusKey } from '../domain/cmdb/vocabulary.ts';
export type AttributeValue = z.infer<typeof AttributeValue>;
export type AttributeDef = z.infer<typeof AttributeDef>;
export type ClassInput = z.input<typeof ClassInput>;
export type ClassView = z.infer<typeof ClassView>;
export type CiRef = z.infer<typeof CiRef>;
export type CiView = z.infer<typeof CiView>;
export type CiInput = z.input<typeof CiPatch> & { classKey?: string };
export type RecordCi = z.infer<typeof RecordCi>;
export type CiRecord = z.infer<typeof CiRecord>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type RelationshipType = z.infer<typeof RelationshipType>;
export type Relationship = z.infer<typeof Relationship>;
export type CiRelationship = z.infer<typeof CiRelationship>;
export type CustomerRef = z.infer<typeof CustomerRef>;
export type AgreementRef = z.infer<typeof AgreementRef>;
export type ImpactStep = z.infer<typeof ImpactStep>;
export type ImpactItem = z.infer<typeof ImpactItem>;
export type ImpactView = z.infer<typeof ImpactView>;
export type AssetInput = z.input<typeof AssetInput>;
export type AssetTransition = z.input<typeof AssetTransition>;
export type AssetView = z.infer<typeof AssetView>;
export type ContractInput = z.input<typeof ContractInput>;
export type ContractView = z.infer<typeof ContractView>;
export type Coverage = z.infer<typeof Coverage>;
export type Compliance = z.infer<typeof Compliance>;
export type LicenceInput = z.input<typeof LicenceInput>;
export type LicenceView = z.infer<typeof LicenceView>;
export type Entitlement = z.infer<typeof Entitlement>;
export type Installation = z.infer<typeof Installation>;
export type ImportView = z.infer<typeof ImportView>;
export type ImportRowView = z.infer<typeof ImportRowView>;
