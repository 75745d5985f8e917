import { beforeAll, describe, expect, it } from 'vitest';
import { buildGroup, setupTestEnv } from '../support/app.ts';
import { buildCi, importRows, uploadImport } from '../support/cmdb.ts';

let groupName: string;

const t = setupTestEnv({ agent: ['agent'] });
beforeAll(async () => {
  groupName = (await buildGroup(t.env, { name: 'Linux Team' })).name;
});

const countCis = async () => (await t.agent.get('/api/v1/cmdb/cis?limit=200')).json().items.length as number;
const outcomes = async (id: string) => (await importRows(t.agent, id)).map((r) => `${r.row}:${r.outcome}`);

const CIS_CSV = [
  'class,name,hostname,serial_number,os,cpu_count,support_group,status',
  'physical_server,esx-01,esx-01.corp,SN-1001,linux,64,Linux Team,in_use',
  'virtual_server,web-01,web-01.corp,,linux,4,Linux Team,',
  'application,Payroll,,,,,,planned',
  'database,payroll-db,,,,,,',
].join('\n');

describe('importing CIs', () => {
  it('creates what is new, reports every row, and changes nothing when run again', async () => {
    const first = await uploadImport(t.agent, 'cis.csv', CIS_CSV, 'type=cis');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'completed',
      total: 4,
      processed: 4,
      percent: 100,
      counts: { created: 3, updated: 0, unchanged: 0, rejected: 1 },
    });
    // The database row lacks its required engine attribute.
    expect(first.json().errors).toEqual([{ row: 5, message: 'engine is required.' }]);
    const web = (await t.agent.get('/api/v1/cmdb/cis?q=web-01.corp')).json().items[0];
    expect(web).toMatchObject({
      classKey: 'virtual_server',
      supportGroup: { name: groupName },
      attributes: { hostname: 'web-01.corp', cpu_count: 4 },
    });
    const before = await countCis();
    const historyBefore = (await t.agent.get(`/api/v1/cmdb/cis/${web.id}/history`)).json().length;
    const again = await uploadImport(t.agent, 'cis.csv', CIS_CSV, 'type=cis');
    expect(again.json().counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 1 });
    expect(await countCis()).toBe(before);
    expect((await t.agent.get(`/api/v1/cmdb/cis/${web.id}/history`)).json().length).toBe(historyBefore);
  });

  it('updates a CI found by its identifiers, case-insensitively, and records the change', async () => {
    const csv = 'class,name,hostname,os,cpu_count\nvirtual_server,web-01,WEB-01.CORP,linux,8\n';
    const res = await uploadImport(t.agent, 'resize.csv', csv, 'type=cis');
    expect(res.json().counts).toMatchObject({ updated: 1, created: 0 });
    const [row] = await importRows(t.agent, res.json().id);
    expect(row).toMatchObject({
      outcome: 'updated',
      message: 'changed attributes.hostname, attributes.cpu_count',
    });
    const history = (await t.agent.get(`/api/v1/cmdb/cis/${row!.targetId}/history`)).json();
    expect(history.at(-1)).toMatchObject({ field: 'attributes.cpu_count', oldValue: '4', newValue: '8' });
  });

  it('changes nothing on a dry run but reports what would happen', async () => {
    const csv = [
      'class,name,hostname,os',
      'virtual_server,web-01,web-01.corp,windows',
      'virtual_server,web-02,web-02.corp,linux',
      'virtual_server,web-03,,linux',
    ].join('\n');
    const before = await countCis();
    const res = await uploadImport(t.agent, 'plan.csv', csv, 'type=cis&dryRun=true');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      dryRun: true,
      counts: { created: 1, updated: 1, unchanged: 0, rejected: 1 },
    });
    expect(await outcomes(res.json().id)).toEqual(['2:updated', '3:created', '4:rejected']);
    expect(await countCis()).toBe(before);
    const web = (await t.agent.get('/api/v1/cmdb/cis?q=web-01.corp')).json().items[0];
    expect(web.attributes.os).toBe('linux');
  });

  it('reports a conflicting identity and overwrites nothing', async () => {
    const a = await buildCi(t.agent, 'physical_server', {
      name: 'a',
      attributes: { hostname: 'a.corp', serial_number: 'SN-A' },
    });
    const b = await buildCi(t.agent, 'physical_server', {
      name: 'b',
      attributes: { hostname: 'b.corp', serial_number: 'SN-B' },
    });
    const csv = 'class,name,hostname,serial_number,rack\nphysical_server,a,a.corp,SN-B,R9\n';
    const res = await uploadImport(t.agent, 'conflict.csv', csv, 'type=cis');
    expect(res.json().counts).toMatchObject({ rejected: 1, updated: 0, created: 0 });
    expect(res.json().errors[0]?.message).toContain('Conflicting identity: hostname "a.corp" identifies "a"');
    expect(res.json().errors[0]?.message).toContain('serial_number "sn-b" identifies "b"');
    for (const ci of [a, b]) {
      const now = (await t.agent.get(`/api/v1/cmdb/cis/${ci.id}`)).json();
      expect(now).toMatchObject({ version: 1, attributes: { rack: null } });
    }
  });

  it('rejects the second of two rows for the same CI, and unknown or abstract classes', async () => {
    const csv = [
      'class,name,hostname',
      'virtual_server,dup,dup.corp',
      'virtual_server,dup again,DUP.corp',
      'hardware,x,x.corp',
      'spaceship,y,y',
      'virtual_server,z,z.corp,extra',
    ].join('\n');
    const res = await uploadImport(t.agent, 'dupes.csv', csv, 'type=cis&dryRun=true');
    const rows = await importRows(t.agent, res.json().id);
    expect(rows.map((r) => r.outcome)).toEqual(['created', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(rows[1]!.message).toBe('Identifies the same CI as row 2 of this file.');
    expect(rows[2]!.message).toContain('abstract');
    expect(rows[3]!.message).toBe('Unknown class "spaceship".');
    expect(rows[4]!.message).toBe('Row has 4 cells but the header names 3 columns.');
  });

  it('imports JSON with an attributes object, and refuses unreadable files', async () => {
    const json = JSON.stringify([
      { class: 'database', name: 'crm-db', attributes: { engine: 'postgresql', port: 5432 } },
      { class: 'application', name: 'Payroll', status: 'in_use', description: 'Pays people' },
    ]);
    const res = await uploadImport(t.agent, 'cis.json', json, 'type=cis');
    expect(res.json().counts).toEqual({ created: 1, updated: 1, unchanged: 0, rejected: 0 });
    const again = await uploadImport(t.agent, 'cis.json', json, 'type=cis');
    expect(again.json().counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    const broken = await uploadImport(t.agent, 'cis.json', '[{"class":', 'type=cis');
    expect(broken.statusCode).toBe(422);
    expect((await uploadImport(t.agent, 'cis.xlsx', 'x', 'type=cis')).statusCode).toBe(422);
    expect((await uploadImport(t.agent, 'cis.csv', 'a', 'type=planets')).statusCode).toBe(400);
  });
});

describe('importing relationships and assets', () => {
  it('relates CIs named by hostname or name, idempotently, enforcing allowed pairs', async () => {
    const csv = [
      'type,from,to',
      'runs_on,web-01.corp,esx-01',
      'depends_on,Payroll,payroll-db',
      'runs_on,Payroll,crm-db',
      'depends_on,Payroll,nowhere',
    ].join('\n');
    const first = await uploadImport(t.agent, 'rels.csv', csv, 'type=relationships');
    expect(await outcomes(first.json().id)).toEqual(['2:created', '3:rejected', '4:rejected', '5:rejected']);
    const rows = await importRows(t.agent, first.json().id);
    // payroll-db was never created (engine missing), Payroll → crm-db runs_on is not an allowed pair.
    expect(rows[1]!.message).toContain('to: no CI is named or identified by "payroll-db"');
    expect(rows[2]!.message).toContain('cannot go from Application to Database');
    const again = await uploadImport(t.agent, 'rels.csv', csv, 'type=relationships');
    expect(again.json().counts).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('registers assets, then reconciles them by tag and serial, enforcing the lifecycle', async () => {
    const csv = [
      'asset_tag,name,serial_number,state,cost,currency,purchase_date,depreciation_method,useful_life_months,ci',
      'AT-100,Laptop,SN-L1,in_stock,1200,EUR,2025-01-10,straight_line,36,',
      'AT-101,Host,SN-H1,deployed,9000.50,EUR,2024-06-01,declining_balance,60,esx-01.corp',
    ].join('\n');
    const first = await uploadImport(t.agent, 'assets.csv', csv, 'type=assets');
    expect(first.json().counts).toMatchObject({ created: 1, rejected: 1 });
    expect(first.json().errors[0]?.message).toContain('a deployed asset must be assigned');
    const fixed = csv.replace('deployed,9000.50', 'in_stock,9000.50');
    const second = await uploadImport(t.agent, 'assets.csv', fixed, 'type=assets');
    expect(second.json().counts).toMatchObject({ created: 1, unchanged: 1 });
    const host = (await t.agent.get('/api/v1/assets/AT-101')).json();
    expect(host).toMatchObject({ cost: 9000.5, ci: { name: 'esx-01' }, state: 'in_stock' });
    const backwards = 'asset_tag,state\nAT-100,ordered\n';
    const third = await uploadImport(t.agent, 'assets.csv', backwards, 'type=assets');
    expect(third.json().errors[0]?.message).toBe(
      'An asset cannot go from in stock to ordered; it can go to deployed, in repair, retired.',
    );
    expect((await uploadImport(t.agent, 'assets.csv', fixed, 'type=assets')).json().counts).toMatchObject({
      unchanged: 2,
    });
  });
});
