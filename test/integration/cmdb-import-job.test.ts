import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../support/app.ts';
import { type ImportJson, uploadImport } from '../support/cmdb.ts';
import { pollUntil } from '../support/poll.ts';

const t = setupTestEnv({ agent: ['agent'] }, { jobs: true });

const ROWS = 1200;
const csv = [
  'class,name,hostname,cpu_count',
  ...Array.from({ length: ROWS }, (_, i) => `virtual_server,vm-${i},vm-${i}.bulk.corp,${1 + (i % 16)}`),
  'virtual_server,broken,,2',
].join('\n');

async function waitFor(id: string): Promise<{ seen: ImportJson[]; done: ImportJson }> {
  const seen: ImportJson[] = [];
  const done = await pollUntil(
    async () => {
      const imp = (await t.agent.get(`/api/v1/cmdb/imports/${id}`)).json() as ImportJson;
      seen.push(imp);
      return imp;
    },
    (imp) => imp.status === 'completed' || imp.status === 'failed',
    { what: `import ${id} to finish`, timeoutMs: 60_000, everyMs: 200 },
  );
  return { seen, done };
}

describe('large imports', () => {
  it('run in a background job in batches, exposing progress until completed', async () => {
    const res = await uploadImport(t.agent, 'bulk.csv', csv, 'type=cis');
    expect(res.statusCode).toBe(202);
    const accepted = res.json();
    expect(accepted).toMatchObject({ status: 'pending', total: ROWS + 1, processed: 0, percent: 0 });
    const { seen, done } = await waitFor(accepted.id);
    expect(done).toMatchObject({
      status: 'completed',
      processed: ROWS + 1,
      percent: 100,
      counts: { created: ROWS, updated: 0, unchanged: 0, rejected: 1 },
    });
    expect(done.errors).toEqual([{ row: ROWS + 2, message: 'hostname is required.' }]);
    // Progress only moves forward.
    const processed = seen.map((s) => s.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    const page = (
      await t.agent.get(`/api/v1/cmdb/imports/${accepted.id}/rows?outcome=created&limit=5`)
    ).json();
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).not.toBeNull();
    const list = (await t.agent.get('/api/v1/cmdb/imports')).json();
    expect(list[0]).toMatchObject({ id: accepted.id, status: 'completed' });
  });

  it('changes nothing when the same large file is imported again', async () => {
    const res = await uploadImport(t.agent, 'bulk.csv', csv, 'type=cis');
    const { done } = await waitFor(res.json().id);
    expect(done.counts).toEqual({ created: 0, updated: 0, unchanged: ROWS, rejected: 1 });
  });
});
