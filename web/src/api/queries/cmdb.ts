/**
 * The CMDB: classes, CIs, relationships, impact analysis, the CIs of work records, assets,
 * contracts, licences and imports. Shapes mirror src/modules/cmdb/api-schemas.ts and the route files.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HistoryEntry } from '../../kit/detail/HistoryPanel.tsx';
import { api } from '../client.ts';
import { defineResource } from '../resource.ts';
import type { Page, PersonRef } from '../types.ts';

export const CI_STATUSES = ['planned', 'in_use', 'maintenance', 'retired'] as const;
export type CiStatus = (typeof CI_STATUSES)[number];

export const ATTRIBUTE_TYPES = [
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
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type AttributeValue = string | number | boolean | null;

export type AttributeDef = {
  key: string;
  label: string;
  type: AttributeType;
  required: boolean;
  unique: boolean;
  allowedValues?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
  referenceClass?: string;
};

export type CiClass = {
  key: string;
  label: string;
  parent: string | null;
  abstract: boolean;
  builtin: boolean;
  attributes: AttributeDef[];
  identifiers: string[] | null;
  effectiveAttributes: (AttributeDef & { inheritedFrom: string | null })[];
  effectiveIdentifiers: string[];
  children: string[];
  version: number;
  updatedAt: string;
};

export type ClassInput = {
  label: string;
  parent: string | null;
  abstract: boolean;
  attributes: AttributeDef[];
  identifiers?: string[] | null;
};

export type CiRef = { id: string; name: string; classKey: string; classLabel: string; status: CiStatus };

export type Ci = CiRef & {
  owner: PersonRef | null;
  supportGroup: { id: string; name: string } | null;
  location: string | null;
  description: string;
  attributes: Record<string, AttributeValue>;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: ('update' | 'delete')[];
};

export type CiInput = {
  classKey?: string;
  name?: string;
  status?: CiStatus;
  ownerId?: string | null;
  supportGroupId?: string | null;
  location?: string | null;
  description?: string;
  attributes?: Record<string, AttributeValue>;
};

export type CiListQuery = { class?: string; status?: string[]; q?: string; limit?: number };

export type { HistoryEntry } from '../../kit/detail/HistoryPanel.tsx';

export type RelationshipType = {
  key: string;
  forwardLabel: string;
  reverseLabel: string;
  allowed: { from: string; to: string }[];
  propagatesImpact: 'forward' | 'reverse' | 'none';
};

export type CiRelationship = {
  id: string;
  type: string;
  direction: 'outgoing' | 'incoming';
  label: string;
  ci: CiRef;
  createdAt: string;
};

export type ImpactStep = { relationshipId: string; from: string; to: string; type: string; label: string };
export type ImpactItem = { ci: CiRef; depth: number; path: ImpactStep[]; because: string };
export type ImpactNode = CiRef & { depth: number; isService: boolean };
export type ImpactEdge = { id: string; from: string; to: string; type: string; label: string };
export type CustomerRef = { id: string; name: string };
export type AgreementRef = { id: string; name: string; detail: string | null };
export type ImpactService = ImpactItem & { customers: CustomerRef[]; slas: AgreementRef[] };
export type ImpactCounts = {
  /** CIs reached, the analysed CIs excluded: complete, whatever the lists show. */
  cis: number;
  services: number;
  byClass: { classKey: string; label: string; count: number }[];
  byDepth: number[];
};
export type Impact = {
  mode: 'impact' | 'dependencies';
  roots: CiRef[];
  depth: number | null;
  /** The lists show the nearest CIs and services only; `counts` are complete. */
  truncated: boolean;
  counts: ImpactCounts;
  nodes: ImpactNode[];
  edges: ImpactEdge[];
  items: ImpactItem[];
  services: ImpactService[];
  customers: CustomerRef[];
  slas: AgreementRef[];
};

export type RecordCi = CiRef & { linkedAt: string };
export type CiRecord = {
  id: string;
  type: string;
  number: string;
  title: string;
  state: string;
  priority: number;
  createdAt: string;
  linkedAt: string;
};

export const cmdbKeys = {
  classes: ['cmdb', 'classes'] as const,
  relTypes: ['cmdb', 'relationship-types'] as const,
  impact: (id: string, mode: string, depth: number | null) =>
    ['cmdb', 'cis', 'one', id, 'walk', mode, depth] as const,
  recordCis: (recordId: string) => ['records', recordId, 'cis'] as const,
  recordImpact: (recordId: string) => ['records', recordId, 'impact'] as const,
};

// ---- classes ----

export function useCiClasses() {
  return useQuery({
    queryKey: cmdbKeys.classes,
    queryFn: ({ signal }) => api.get<CiClass[]>('/cmdb/classes', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useSaveClass() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, input, version }: { key: string; input: ClassInput; version?: number }) =>
      api.put<CiClass>(`/cmdb/classes/${encodeURIComponent(key)}`, input, version),
    onSuccess: () => qc.invalidateQueries({ queryKey: cmdbKeys.classes }),
  });
}

export function useDeleteClass() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.delete<void>(`/cmdb/classes/${encodeURIComponent(key)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: cmdbKeys.classes }),
  });
}

export function useRelationshipTypes() {
  return useQuery({
    queryKey: cmdbKeys.relTypes,
    queryFn: () => api.get<RelationshipType[]>('/cmdb/relationship-types'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// ---- CIs ----

/** Configuration items: list, search (pickers), one, create, update, delete, and their parts. */
export const cis = defineResource<Ci, CiInput, CiListQuery>({ key: ['cmdb', 'cis'], path: '/cmdb/cis' });
export const useCiList = cis.useList;
export const useCiSearch = cis.useSearch;
export const useCi = cis.useOne;
export const useCiHistory = (id: string) => cis.usePart<HistoryEntry[]>(id, 'history');
export const useCiRecords = (id: string) => cis.usePart<CiRecord[]>(id, 'records');
export const useCiRelationships = (id: string) => cis.usePart<CiRelationship[]>(id, 'relationships');

/** After a relationship changes, both ends' relationships, histories and every walk are stale. */
function invalidateGraph(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: ['cmdb', 'cis', 'one'] });
  void qc.invalidateQueries({ queryKey: ['records'] });
}

export function useAddRelationship() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { type: string; fromId: string; toId: string }) =>
      api.post<{ id: string }>('/cmdb/relationships', input),
    onSuccess: () => invalidateGraph(qc),
  });
}

export function useRemoveRelationship() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/cmdb/relationships/${id}`),
    onSuccess: () => invalidateGraph(qc),
  });
}

export function useCiWalk(id: string, mode: 'impact' | 'dependencies', depth: number | null) {
  return useQuery({
    queryKey: cmdbKeys.impact(id, mode, depth),
    queryFn: ({ signal }) =>
      api.get<Impact>(`/cmdb/cis/${id}/${mode}`, { depth: depth ?? undefined, maxNodes: 500 }, signal),
    placeholderData: (prev) => prev,
  });
}

// ---- CIs of work records ----

export function useRecordCis(recordId: string, enabled = true) {
  return useQuery({
    queryKey: cmdbKeys.recordCis(recordId),
    queryFn: ({ signal }) => api.get<RecordCi[]>(`/records/${recordId}/cis`, undefined, signal),
    enabled,
  });
}

export function useRecordImpact(recordId: string, enabled = true) {
  return useQuery({
    queryKey: cmdbKeys.recordImpact(recordId),
    queryFn: ({ signal }) => api.get<Impact>(`/records/${recordId}/impact`, undefined, signal),
    enabled,
  });
}

function invalidateRecord(qc: ReturnType<typeof useQueryClient>, recordId: string) {
  void qc.invalidateQueries({ queryKey: ['records', recordId] });
  void qc.invalidateQueries({ queryKey: ['cmdb', 'cis', 'one'] });
}

export function useLinkRecordCis(recordId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ciIds: string[]) => api.post<RecordCi[]>(`/records/${recordId}/cis`, { ciIds }),
    onSuccess: () => invalidateRecord(qc, recordId),
  });
}

export function useUnlinkRecordCi(recordId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ciId: string) => api.delete<RecordCi[]>(`/records/${recordId}/cis/${ciId}`),
    onSuccess: () => invalidateRecord(qc, recordId),
  });
}

// ---- assets ----

export const ASSET_STATES = ['ordered', 'in_stock', 'deployed', 'in_repair', 'retired', 'disposed'] as const;
export type AssetState = (typeof ASSET_STATES)[number];
export const ASSET_STATE_LABELS: Record<AssetState, string> = {
  ordered: 'Ordered',
  in_stock: 'In stock',
  deployed: 'Deployed',
  in_repair: 'In repair',
  retired: 'Retired',
  disposed: 'Disposed',
};
export const DEPRECIATION_METHODS = ['none', 'straight_line', 'declining_balance'] as const;
export type DepreciationMethod = (typeof DEPRECIATION_METHODS)[number];

export type Asset = {
  id: string;
  assetTag: string;
  serialNumber: string | null;
  name: string;
  model: string | null;
  state: AssetState;
  stateLabel: string;
  nextStates: AssetState[];
  ci: CiRef | null;
  assignedTo: PersonRef | null;
  location: string | null;
  supplier: { id: string; name: string } | null;
  purchaseOrder: string | null;
  cost: number | null;
  currency: string | null;
  purchaseDate: string | null;
  warrantyEnd: string | null;
  underWarranty: boolean | null;
  depreciationMethod: DepreciationMethod;
  usefulLifeMonths: number | null;
  salvageValue: number | null;
  currentValue: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: ('update' | 'transition')[];
};

export type AssetInput = {
  assetTag?: string;
  name?: string;
  serialNumber?: string | null;
  model?: string | null;
  state?: AssetState;
  ciId?: string | null;
  assignedToId?: string | null;
  location?: string | null;
  supplierId?: string | null;
  purchaseOrder?: string | null;
  cost?: number | null;
  currency?: string | null;
  purchaseDate?: string | null;
  warrantyEnd?: string | null;
  depreciationMethod?: DepreciationMethod;
  usefulLifeMonths?: number | null;
  salvageValue?: number | null;
  notes?: string;
};

export type AssetListQuery = { state?: string[]; q?: string; assignedToId?: string; limit?: number };

/** Assets, also addressed by their tag; moved through their lifecycle with the `transitions` action. */
export const assets = defineResource<Asset, AssetInput, AssetListQuery>({
  key: ['assets'],
  path: '/assets',
  aliases: (a) => [a.assetTag],
});
export type AssetTransition = {
  to: AssetState;
  assignedToId?: string | null;
  location?: string | null;
  note?: string;
};
export const useAssetList = assets.useList;
export const useAsset = assets.useOne;
export const useAssetHistory = (id: string) => assets.usePart<HistoryEntry[]>(id, 'history');

// ---- organisations (suppliers) ----

export type Organisation = { id: string; name: string; kind: string };

const organisations = defineResource<Organisation, never, { kind: string }>({
  key: ['organisations'],
  path: '/organisations',
  staleTime: 60_000,
});
export const useSuppliers = () => organisations.useAll({ kind: 'supplier' });

// ---- contracts ----

export const CONTRACT_KINDS = ['support', 'maintenance', 'lease'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export type ContractStatus = 'upcoming' | 'active' | 'expiring' | 'expired';

export type Contract = {
  id: string;
  name: string;
  kind: ContractKind;
  supplier: { id: string; name: string } | null;
  reference: string | null;
  startDate: string;
  endDate: string;
  cost: number | null;
  currency: string | null;
  warnDays: number;
  notes: string;
  status: ContractStatus;
  daysLeft: number;
  lastWarning: { warnedAt: string; daysLeft: number } | null;
  coverageCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: 'update'[];
};

export type ContractInput = {
  name?: string;
  kind?: ContractKind;
  supplierId?: string;
  reference?: string | null;
  startDate?: string;
  endDate?: string;
  cost?: number | null;
  currency?: string | null;
  warnDays?: number;
  notes?: string;
};

export type Coverage = {
  id: string;
  ci: CiRef | null;
  asset: { id: string; assetTag: string; name: string; state: string } | null;
  createdAt: string;
};

export type ContractListQuery = { expiringWithinDays?: number; kind?: string; q?: string; limit?: number };

export const contracts = defineResource<Contract, ContractInput, ContractListQuery>({
  key: ['contracts'],
  path: '/contracts',
});
export const useContractList = contracts.useList;
export const useContract = contracts.useOne;
export const useCoverage = (contractId: string) => contracts.usePart<Coverage[]>(contractId, 'coverage');

export function useChangeCoverage(contractId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['contracts'] });
  return {
    add: useMutation({
      mutationFn: (input: { ciIds?: string[]; assetIds?: string[] }) =>
        api.post<Coverage[]>(`/contracts/${contractId}/coverage`, input),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (coverageId: string) => api.delete<void>(`/contracts/${contractId}/coverage/${coverageId}`),
      onSuccess: done,
    }),
  };
}

// ---- licences ----

export const LICENCE_METRICS = ['per_install', 'per_user', 'per_core'] as const;
export type LicenceMetric = (typeof LICENCE_METRICS)[number];
export type ComplianceStatus = 'compliant' | 'over_licensed' | 'under_licensed';
export type Compliance = {
  entitled: number;
  consumed: number;
  unused: number;
  shortfall: number;
  status: ComplianceStatus;
};

export type Licence = {
  id: string;
  product: string;
  vendor: string;
  metric: LicenceMetric;
  contract: { id: string; name: string } | null;
  notes: string;
  compliance: Compliance;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: 'update'[];
};

export type LicenceInput = {
  product?: string;
  vendor?: string;
  metric?: LicenceMetric;
  contractId?: string | null;
  notes?: string;
};

export type Entitlement = {
  id: string;
  quantity: number;
  purchaseOrder: string | null;
  purchasedOn: string | null;
  expiresOn: string | null;
  inForce: boolean;
  cost: number | null;
  currency: string | null;
  createdAt: string;
};

export type Installation = {
  id: string;
  ci: CiRef | null;
  user: PersonRef | null;
  cores: number | null;
  createdAt: string;
};

export type ComplianceReport = {
  summary: {
    licences: number;
    compliant: number;
    overLicensed: number;
    underLicensed: number;
    unused: number;
    shortfall: number;
  };
  items: (Compliance & { licence: { id: string; product: string; vendor: string; metric: LicenceMetric } })[];
};

export function useComplianceReport() {
  return useQuery({
    queryKey: ['licences', 'compliance'],
    queryFn: ({ signal }) => api.get<ComplianceReport>('/licences/compliance', undefined, signal),
  });
}

export const licences = defineResource<Licence, LicenceInput>({
  key: ['licences'],
  path: '/licences',
  alsoInvalidate: [['licences', 'compliance']],
});
export const useLicence = licences.useOne;
export const useEntitlements = (licenceId: string) =>
  licences.usePart<Entitlement[]>(licenceId, 'entitlements');
export const useInstallations = (licenceId: string) =>
  licences.usePart<Installation[]>(licenceId, 'installations');

export function useLicenceUsage(licenceId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['licences'] });
  return {
    addEntitlement: useMutation({
      mutationFn: (input: {
        quantity: number;
        purchaseOrder?: string | null;
        purchasedOn?: string | null;
        expiresOn?: string | null;
        cost?: number | null;
        currency?: string | null;
      }) => api.post<Entitlement>(`/licences/${licenceId}/entitlements`, input),
      onSuccess: done,
    }),
    removeEntitlement: useMutation({
      mutationFn: (id: string) => api.delete<void>(`/licences/${licenceId}/entitlements/${id}`),
      onSuccess: done,
    }),
    addInstallation: useMutation({
      mutationFn: (input: { ciId?: string; userId?: string; cores?: number | null }) =>
        api.post<Installation[]>(`/licences/${licenceId}/installations`, input),
      onSuccess: done,
    }),
    removeInstallation: useMutation({
      mutationFn: (id: string) => api.delete<void>(`/licences/${licenceId}/installations/${id}`),
      onSuccess: done,
    }),
  };
}

// ---- imports ----

export const IMPORT_TYPES = ['cis', 'relationships', 'assets'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];
export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export type ImportJob = {
  id: string;
  type: ImportType;
  format: 'csv' | 'json';
  filename: string;
  dryRun: boolean;
  status: 'pending' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  percent: number;
  counts: Record<ImportOutcome, number>;
  failure: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  errors: { row: number; message: string }[];
};

export type ImportRowResult = {
  row: number;
  outcome: ImportOutcome;
  targetId: string | null;
  message: string | null;
};

export const importDone = (j: ImportJob | undefined) => j?.status === 'completed' || j?.status === 'failed';

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ type, dryRun, file }: { type: ImportType; dryRun: boolean; file: File }) =>
      api.upload<ImportJob>(`/cmdb/imports?type=${type}&dryRun=${dryRun}`, file),
    onSuccess: (job) => {
      qc.setQueryData(['cmdb', 'imports', job.id], job);
      void qc.invalidateQueries({ queryKey: ['cmdb', 'imports', 'list'] });
      if (!job.dryRun) void qc.invalidateQueries({ queryKey: ['cmdb', 'cis'] });
    },
  });
}

/** An import, polled every half second until it has finished (for the progress bar). */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['cmdb', 'imports', id ?? ''],
    queryFn: ({ signal }) => api.get<ImportJob>(`/cmdb/imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (importDone(q.state.data) ? false : 500),
  });
}

export function useImportRows(id: string | null, outcome: ImportOutcome | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['cmdb', 'imports', id ?? '', 'rows', outcome],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ImportRowResult>>(
        `/cmdb/imports/${id}/rows`,
        { outcome: outcome ?? undefined, cursor: pageParam, limit: 100 },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id && enabled,
  });
}

export function useRecentImports() {
  return useQuery({
    queryKey: ['cmdb', 'imports', 'list'],
    queryFn: ({ signal }) => api.get<ImportJob[]>('/cmdb/imports', { limit: 10 }, signal),
  });
}
