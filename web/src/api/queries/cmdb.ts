/**
 * The CMDB: classes, CIs, relationships, impact analysis, the CIs of work records, assets,
 * contracts, licences and imports. Shapes mirror src/modules/cmdb/api-schemas.ts and the route files.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';
import { usePagedList } from '../paged.ts';
import { defineResource } from '../resource.ts';

export { ATTRIBUTE_TYPES, type AttributeType } from '../../../../src/domain/cmdb/classes.ts';
export { CI_STATUSES, type CiStatus } from '../../../../src/domain/cmdb/vocabulary.ts';

import type {
  CiView as Ci,
  ClassView as CiClass,
  CiInput,
  CiRecord,
  CiRelationship,
  ClassInput,
  HistoryEntry,
  ImpactView as Impact,
  RecordCi,
  RelationshipType,
} from '../../../../src/contracts/cmdb.ts';

export type {
  AgreementRef,
  AttributeDef,
  AttributeValue,
  CiInput,
  CiRecord,
  CiRef,
  CiRelationship,
  CiView as Ci,
  ClassInput,
  ClassView as CiClass,
  CustomerRef,
  HistoryEntry,
  ImpactItem,
  ImpactStep,
  ImpactView as Impact,
  RecordCi,
  RelationshipType,
} from '../../../../src/contracts/cmdb.ts';

export type CiListQuery = { class?: string; status?: string[]; q?: string; limit?: number };
export type ImpactNode = Impact['nodes'][number];
export type ImpactEdge = Impact['edges'][number];
export type ImpactService = Impact['services'][number];
export type ImpactCounts = Impact['counts'];

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
  return useRefreshingWrite(
    ({ key, input, version }: { key: string; input: ClassInput; version?: number }) =>
      api.put<CiClass>(`/cmdb/classes/${encodeURIComponent(key)}`, input, version),
    cmdbKeys.classes,
  );
}

export function useDeleteClass() {
  return useRefreshingWrite(
    (key: string) => api.delete<void>(`/cmdb/classes/${encodeURIComponent(key)}`),
    cmdbKeys.classes,
  );
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
function invalidateGraph(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: ['cmdb', 'cis', 'one'] });
  void qc.invalidateQueries({ queryKey: ['records'] });
}

export function useAddRelationship() {
  return useWriteThen(
    (input: { type: string; fromId: string; toId: string }) =>
      api.post<{ id: string }>('/cmdb/relationships', input),
    invalidateGraph,
  );
}

export function useRemoveRelationship() {
  return useWriteThen((id: string) => api.delete<void>(`/cmdb/relationships/${id}`), invalidateGraph);
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

function invalidateRecord(qc: QueryClient, recordId: string) {
  void qc.invalidateQueries({ queryKey: ['records', recordId] });
  // A change's CIs are part of it (its version moves on, its conflicts are re-checked).
  void qc.invalidateQueries({ queryKey: ['changes', 'one'] });
  void qc.invalidateQueries({ queryKey: ['cmdb', 'cis', 'one'] });
}

export function useLinkRecordCis(recordId: string) {
  return useWriteThen(
    (ciIds: string[]) => api.post<RecordCi[]>(`/records/${recordId}/cis`, { ciIds }),
    (qc) => invalidateRecord(qc, recordId),
  );
}

export function useUnlinkRecordCi(recordId: string) {
  return useWriteThen(
    (ciId: string) => api.delete<RecordCi[]>(`/records/${recordId}/cis/${ciId}`),
    (qc) => invalidateRecord(qc, recordId),
  );
}

// ---- assets ----

export type { AssetInput, AssetTransition, AssetView as Asset } from '../../../../src/contracts/cmdb.ts';
export {
  ASSET_STATE_LABELS,
  ASSET_STATES,
  type AssetState,
} from '../../../../src/domain/cmdb/assets.ts';
export { DEPRECIATION_METHODS, type DepreciationMethod } from '../../../../src/domain/cmdb/depreciation.ts';

import type { AssetView as Asset, AssetInput } from '../../../../src/contracts/cmdb.ts';

export type AssetListQuery = { state?: string[]; q?: string; assignedToId?: string; limit?: number };

/** Assets, also addressed by their tag; moved through their lifecycle with the `transitions` action. */
export const assets = defineResource<Asset, AssetInput, AssetListQuery>({
  key: ['assets'],
  path: '/assets',
  aliases: (a) => [a.assetTag],
});
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

export type { ContractView as Contract, Coverage } from '../../../../src/contracts/cmdb.ts';
export { CONTRACT_KINDS, type ContractKind } from '../../../../src/domain/cmdb/vocabulary.ts';

import type {
  ContractView as Contract,
  ContractInput as ContractCreate,
  Coverage,
} from '../../../../src/contracts/cmdb.ts';
/** A new contract's fields, or a patch of some of them. */
export type ContractInput = Partial<ContractCreate>;
export type ContractStatus = Contract['status'];

export type ContractListQuery = { expiringWithinDays?: number; kind?: string; q?: string; limit?: number };

export const contracts = defineResource<Contract, ContractInput, ContractListQuery>({
  key: ['contracts'],
  path: '/contracts',
});
export const useContractList = contracts.useList;
export const useContract = contracts.useOne;
export const useCoverage = (contractId: string) => contracts.usePart<Coverage[]>(contractId, 'coverage');

export function useChangeCoverage(contractId: string) {
  const key = ['contracts'];
  return {
    add: useRefreshingWrite(
      (input: { ciIds?: string[]; assetIds?: string[] }) =>
        api.post<Coverage[]>(`/contracts/${contractId}/coverage`, input),
      key,
    ),
    remove: useRefreshingWrite(
      (coverageId: string) => api.delete<void>(`/contracts/${contractId}/coverage/${coverageId}`),
      key,
    ),
  };
}

// ---- licences ----

export type {
  Compliance,
  Entitlement,
  Installation,
  LicenceInput,
  LicenceView as Licence,
} from '../../../../src/contracts/cmdb.ts';
export { LICENCE_METRICS, type LicenceMetric } from '../../../../src/domain/cmdb/licences.ts';

import type {
  Compliance,
  Entitlement,
  Installation,
  LicenceView as Licence,
  LicenceInput,
} from '../../../../src/contracts/cmdb.ts';
import type { ComplianceSummary, LicenceMetric } from '../../../../src/domain/cmdb/licences.ts';
export type ComplianceStatus = Compliance['status'];

export type ComplianceReport = {
  summary: ComplianceSummary;
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
  const key = ['licences'];
  return {
    addEntitlement: useRefreshingWrite(
      (input: {
        quantity: number;
        purchaseOrder?: string | null;
        purchasedOn?: string | null;
        expiresOn?: string | null;
        cost?: number | null;
        currency?: string | null;
      }) => api.post<Entitlement>(`/licences/${licenceId}/entitlements`, input),
      key,
    ),
    removeEntitlement: useRefreshingWrite(
      (id: string) => api.delete<void>(`/licences/${licenceId}/entitlements/${id}`),
      key,
    ),
    addInstallation: useRefreshingWrite(
      (input: { ciId?: string; userId?: string; cores?: number | null }) =>
        api.post<Installation[]>(`/licences/${licenceId}/installations`, input),
      key,
    ),
    removeInstallation: useRefreshingWrite(
      (id: string) => api.delete<void>(`/licences/${licenceId}/installations/${id}`),
      key,
    ),
  };
}

// ---- imports ----

export type {
  ImportRowView as ImportRowResult,
  ImportView as ImportJob,
} from '../../../../src/contracts/cmdb.ts';
export {
  IMPORT_TYPES,
  type ImportOutcome,
  type ImportType,
} from '../../../../src/domain/cmdb/vocabulary.ts';

import type {
  ImportView as ImportJob,
  ImportRowView as ImportRowResult,
} from '../../../../src/contracts/cmdb.ts';
import type { ImportOutcome, ImportType } from '../../../../src/domain/cmdb/vocabulary.ts';
import { useRefreshingWrite, useWriteThen } from '../writes.ts';

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
  return usePagedList<ImportRowResult>(
    ['cmdb', 'imports', id ?? '', 'rows', outcome],
    `/cmdb/imports/${id}/rows`,
    { outcome: outcome ?? undefined, limit: 100 },
    !!id && enabled,
  );
}

export function useRecentImports() {
  return useQuery({
    queryKey: ['cmdb', 'imports', 'list'],
    queryFn: ({ signal }) => api.get<ImportJob[]>('/cmdb/imports', { limit: 10 }, signal),
  });
}
