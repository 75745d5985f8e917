/**
 * CSV export of exactly what a record list shows: the list's own query (filters, sort and the
 * caller's visibility, through the records core's `listRecords`), every page of it, the chosen
 * columns in order. Rows are produced page by page so a large export never sits in memory whole.
 */

import type { AppContext } from '../../context.ts';
import { DEFAULT_EXPORT_COLUMNS, type ExportColumn, type ExportQuery } from '../../contracts/worklists.ts';
import type { Actor } from '../../domain/roles.ts';
import { isoDate } from '../../shared/time.ts';
import type { RecordView } from '../records/index.ts';
import { listRecords, recordTypeOf } from '../records/index.ts';
import { csvLine } from './csv.ts';

const PAGE = 200;

type Cell = string | number | null;

const COLUMNS: Record<ExportColumn, { header: string; value: (r: RecordView) => Cell }> = {
  number: { header: 'Number', value: (r) => r.number },
  title: { header: 'Title', value: (r) => r.title },
  state: { header: 'State', value: (r) => r.stateLabel },
  priority: { header: 'Priority', value: (r) => r.priority },
  impact: { header: 'Impact', value: (r) => r.impact },
  urgency: { header: 'Urgency', value: (r) => r.urgency },
  sla_due: { header: 'SLA due', value: (r) => r.slaDueAt },
  group: { header: 'Group', value: (r) => r.group?.name ?? null },
  assignee: { header: 'Assignee', value: (r) => r.assignee?.name ?? null },
  requester: { header: 'Requester', value: (r) => r.requester?.name ?? null },
  category: { header: 'Category', value: (r) => r.category },
  subcategory: { header: 'Subcategory', value: (r) => r.subcategory },
  channel: { header: 'Channel', value: (r) => r.channel },
  resolution_code: { header: 'Resolution code', value: (r) => r.resolutionCode },
  created: { header: 'Created', value: (r) => r.createdAt },
  updated: { header: 'Updated', value: (r) => r.updatedAt },
  resolved: { header: 'Resolved', value: (r) => r.resolvedAt },
  closed: { header: 'Closed', value: (r) => r.closedAt },
};

/**
 * The CSV lines of the export. The first page is read before this returns, so a bad filter
 * answers as a problem before any byte of CSV is sent.
 */
export async function exportRecords(
  ctx: AppContext,
  actor: Actor,
  query: ExportQuery,
): Promise<{ filename: string; lines: AsyncGenerator<string> }> {
  const { type, columns, ...filters } = query;
  const cfg = recordTypeOf(type)!;
  const chosen = (columns?.length ? [...new Set(columns)] : DEFAULT_EXPORT_COLUMNS).map((c) => COLUMNS[c]);
  const first = await listRecords(ctx, actor, cfg, { ...filters, limit: PAGE });
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(chosen.map((c) => c.header));
    let page = first;
    for (;;) {
      for (const r of page.items) yield csvLine(chosen.map((c) => c.value(r)));
      if (!page.nextCursor) return;
      page = await listRecords(ctx, actor, cfg, { ...filters, cursor: page.nextCursor, limit: PAGE });
    }
  }
  const day = isoDate(ctx.clock.now());
  return { filename: `${cfg.type.replace('_', '-')}s-${day}.csv`, lines: lines() };
}
