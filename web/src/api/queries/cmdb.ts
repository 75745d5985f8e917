/**
 * The CMDB: classes, CIs, relationships, impact analysis, the CIs of work records, assets,
 * contracts, licences and imports. Shapes mirror src/modules/cmdb/api-schemas.ts and the route files.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../client.ts';
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

export type HistoryEntry = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
};

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
  cis: (q: CiListQuery) => ['cmdb', 'cis', 'list', q] as const,
  ci: (id: string) => ['cmdb', 'cis', 'one', id] as const,
  ciPart: (id: string, part: string) => ['cmdb', 'cis', 'one', id, part] as const,
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

export function useCiList(query: CiListQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: cmdbKeys.cis(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Ci>>('/cmdb/cis', { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** One page of CIs matching a search, for pickers. */
export function useCiSearch(query: CiListQuery, enabled = true) {
  return useQuery({
    queryKey: ['cmdb', 'cis', 'search', query],
    queryFn: ({ signal }) => api.get<Page<Ci>>('/cmdb/cis', { limit: 20, ...query }, signal),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useCi(id: string | undefined) {
  return useQuery({
    queryKey: cmdbKeys.ci(id ?? ''),
    queryFn: ({ signal }) => api.get<Ci>(`/cmdb/cis/${id}`, undefined, signal),
    enabled: !!id,
  });
}

function rememberCi(qc: ReturnType<typeof useQueryClient>, ci: Ci) {
  qc.setQueryData(cmdbKeys.ci(ci.id), ci);
  void qc.invalidateQueries({ queryKey: ['cmdb', 'cis', 'list'] });
  void qc.invalidateQueries({ queryKey: ['cmdb', 'cis', 'search'] });
  void qc.invalidateQueries({ queryKey: cmdbKeys.ciPart(ci.id, 'history') });
}

export function useCreateCi() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CiInput) => api.post<Ci>('/cmdb/cis', input),
    onSuccess: (ci) => rememberCi(qc, ci),
  });
}

export function useUpdateCi(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: CiInput; version: number }) =>
      api.patch<Ci>(`/cmdb/cis/${id}`, patch, version),
    onSuccess: (ci) => rememberCi(qc, ci),
  });
}

export function useDeleteCi() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      request<void>(`/cmdb/cis/${id}`, { method: 'DELETE', version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cmdb', 'cis'] }),
  });
}

export function useCiHistory(id: string) {
  return useQuery({
    queryKey: cmdbKeys.ciPart(id, 'history'),
    queryFn: ({ signal }) => api.get<HistoryEntry[]>(`/cmdb/cis/${id}/history`, undefined, signal),
  });
}

export function useCiRecords(id: string) {
  return useQuery({
    queryKey: cmdbKeys.ciPart(id, 'records'),
    queryFn: ({ signal }) => api.get<CiRecord[]>(`/cmdb/cis/${id}/records`, undefined, signal),
  });
}

export function useCiRelationships(id: string) {
  return useQuery({
    queryKey: cmdbKeys.ciPart(id, 'relationships'),
    queryFn: ({ signal }) => api.get<CiRelationship[]>(`/cmdb/cis/${id}/relationships`, undefined, signal),
  });
}

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

export function useAssetList(query: AssetListQuery) {
  return useInfiniteQuery({
    queryKey: ['assets', 'list', query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Asset>>('/assets', { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAsset(ref: string | undefined) {
  return useQuery({
    queryKey: ['assets', 'one', ref ?? ''],
    queryFn: ({ signal }) => api.get<Asset>(`/assets/${encodeURIComponent(ref ?? '')}`, undefined, signal),
    enabled: !!ref,
  });
}

export function useAssetHistory(id: string) {
  return useQuery({
    queryKey: ['assets', 'one', id, 'history'],
    queryFn: ({ signal }) => api.get<HistoryEntry[]>(`/assets/${id}/history`, undefined, signal),
  });
}

function rememberAsset(qc: ReturnType<typeof useQueryClient>, a: Asset) {
  qc.setQueryData(['assets', 'one', a.id], a);
  qc.setQueryData(['assets', 'one', a.assetTag], a);
  void qc.invalidateQueries({ queryKey: ['assets', 'list'] });
  void qc.invalidateQueries({ queryKey: ['assets', 'one', a.id, 'history'] });
}

export function useCreateAsset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssetInput) => api.post<Asset>('/assets', input),
    onSuccess: (a) => rememberAsset(qc, a),
  });
}

export function useUpdateAsset(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: AssetInput; version: number }) =>
      api.patch<Asset>(`/assets/${id}`, patch, version),
    onSuccess: (a) => rememberAsset(qc, a),
  });
}

export function useTransitionAsset(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      input,
      version,
    }: {
      input: { to: AssetState; assignedToId?: string | null; location?: string | null; note?: string };
      version: number;
    }) => api.post<Asset>(`/assets/${id}/transitions`, input, version),
    onSuccess: (a) => rememberAsset(qc, a),
  });
}

// ---- organisations (suppliers) ----

export type Organisation = { id: string; name: string; kind: string };

export function useSuppliers() {
  return useQuery({
    queryKey: ['organisations', 'supplier'],
    queryFn: ({ signal }) => api.get<Organisation[]>('/organisations', { kind: 'supplier' }, signal),
    staleTime: 60_000,
  });
}

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

export function useContractList(query: ContractListQuery) {
  return useInfiniteQuery({
    queryKey: ['contracts', 'list', query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Contract>>('/contracts', { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: ['contracts', 'one', id ?? ''],
    queryFn: ({ signal }) => api.get<Contract>(`/contracts/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useSaveContract(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: ContractInput; version?: number }) =>
      id ? api.patch<Contract>(`/contracts/${id}`, input, version) : api.post<Contract>('/contracts', input),
    onSuccess: (c) => {
      qc.setQueryData(['contracts', 'one', c.id], c);
      void qc.invalidateQueries({ queryKey: ['contracts', 'list'] });
    },
  });
}

export function useCoverage(contractId: string) {
  return useQuery({
    queryKey: ['contracts', 'one', contractId, 'coverage'],
    queryFn: ({ signal }) => api.get<Coverage[]>(`/contracts/${contractId}/coverage`, undefined, signal),
  });
}

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

export function useLicence(id: string | undefined) {
  return useQuery({
    queryKey: ['licences', 'one', id ?? ''],
    queryFn: ({ signal }) => api.get<Licence>(`/licences/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useSaveLicence(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: LicenceInput; version?: number }) =>
      id ? api.patch<Licence>(`/licences/${id}`, input, version) : api.post<Licence>('/licences', input),
    onSuccess: (l) => {
      qc.setQueryData(['licences', 'one', l.id], l);
      void qc.invalidateQueries({ queryKey: ['licences', 'compliance'] });
    },
  });
}

export function useEntitlements(licenceId: string) {
  return useQuery({
    queryKey: ['licences', 'one', licenceId, 'entitlements'],
    queryFn: ({ signal }) => api.get<Entitlement[]>(`/licences/${licenceId}/entitlements`, undefined, signal),
  });
}

export function useInstallations(licenceId: string) {
  return useQuery({
    queryKey: ['licences', 'one', licenceId, 'installations'],
    queryFn: ({ signal }) =>
      api.get<Installation[]>(`/licences/${licenceId}/installations`, undefined, signal),
  });
}

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
