/** What leaves the API for an asset, with its book value computed for today. */

import { inArray } from 'drizzle-orm';
import type { AssetView as CAssetView } from '../../../contracts/cmdb.ts';
import type { Db } from '../../../db/client.ts';
import { ASSET_STATE_LABELS, ASSET_TRANSITIONS, type AssetState } from '../../../domain/cmdb/assets.ts';
import { currentValue, type DepreciationMethod } from '../../../domain/cmdb/depreciation.ts';
import { type Actor, can } from '../../../domain/roles.ts';
import { organisations } from '../../organisations/index.ts';
import type { ClassModel } from '../model.ts';
import { ciRef, namesFor } from '../present.ts';
import { cis } from '../schema.ts';
import type { assets } from './schema.ts';

export type AssetRow = typeof assets.$inferSelect;

export type AssetView = CAssetView;

export async function presentAssets(
  db: Db,
  model: ClassModel,
  actor: Actor,
  rows: AssetRow[],
  today: string,
): Promise<AssetView[]> {
  const ciIds = [...new Set(rows.flatMap((r) => (r.ciId ? [r.ciId] : [])))];
  const supplierIds = [...new Set(rows.flatMap((r) => (r.supplierId ? [r.supplierId] : [])))];
  const [names, linked, suppliers] = await Promise.all([
    namesFor(
      db,
      rows.map((r) => r.assignedToId),
      [],
    ),
    ciIds.length
      ? db
          .select({ id: cis.id, name: cis.name, classKey: cis.classKey, status: cis.status })
          .from(cis)
          .where(inArray(cis.id, ciIds))
      : [],
    supplierIds.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, supplierIds))
      : [],
  ]);
  const ciById = new Map(linked.map((c) => [c.id, ciRef(model, c)]));
  const supplierById = new Map(suppliers.map((s) => [s.id, s]));
  const actions: AssetView['allowedActions'] = can(actor, 'asset.manage') ? ['update', 'transition'] : [];
  return rows.map((r) => {
    const state = r.state as AssetState;
    const method = r.depreciationMethod as DepreciationMethod;
    return {
      id: r.id,
      assetTag: r.assetTag,
      serialNumber: r.serialNumber,
      name: r.name,
      model: r.model,
      state,
      stateLabel: ASSET_STATE_LABELS[state] ?? r.state,
      nextStates: [...(ASSET_TRANSITIONS[state] ?? [])],
      ci: r.ciId ? (ciById.get(r.ciId) ?? null) : null,
      assignedTo: r.assignedToId ? (names.person.get(r.assignedToId) ?? null) : null,
      location: r.location,
      supplier: r.supplierId ? (supplierById.get(r.supplierId) ?? null) : null,
      purchaseOrder: r.purchaseOrder,
      cost: r.cost,
      currency: r.currency,
      purchaseDate: r.purchaseDate,
      warrantyEnd: r.warrantyEnd,
      underWarranty: r.warrantyEnd === null ? null : r.warrantyEnd >= today,
      depreciationMethod: method,
      usefulLifeMonths: r.usefulLifeMonths,
      salvageValue: r.salvageValue,
      currentValue: currentValue(
        {
          cost: r.cost,
          purchaseDate: r.purchaseDate,
          method,
          usefulLifeMonths: r.usefulLifeMonths,
          salvageValue: r.salvageValue,
        },
        today,
      ),
      notes: r.notes,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
      allowedActions: actions,
    };
  });
}
