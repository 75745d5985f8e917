/**
 * An agent loads a small estate into the CMDB through the Import page (a dry run first, then the
 * real run, then a re-run that changes nothing), opens a server, sees in the impact graph the
 * services an outage would hit, and raises an incident on it that lists those services.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('CMDB: import, impact analysis and incidents on CIs', () => {
  const run = useBrowserRun();
  let page: Page;
  const id = unique();
  const host = `esx-${id}`;
  const vm = `vm-${id}`;
  const app = `Payroll app ${id}`;
  const service = `Payroll ${id}`;
  const other = `Intranet ${id}`;

  const cisCsv = [
    'class,name,hostname,serial_number,os,cpu_count,criticality,status',
    `physical_server,${host},${host}.corp,SN-${id},linux,64,,in_use`,
    `virtual_server,${vm},${vm}.corp,,linux,4,,in_use`,
    `application,${app},,,,,,in_use`,
    `business_service,${service},,,,,high,in_use`,
    `business_service,${other},,,,,low,in_use`,
    `database,broken-db-${id},,,,,,`,
  ].join('\n');
  const relationshipsCsv = [
    'type,from,to',
    `runs_on,${vm}.corp,${host}.corp`,
    `runs_on,${app},${vm}.corp`,
    `depends_on,${service},${app}`,
  ].join('\n');

  beforeAll(async () => {
    ({ page } = await run.signedInUser('Casey Config', ['agent'], id));
  });

  const upload = async (name: string, content: string) => {
    await page.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(content),
    });
    await visible(page.getByRole('button', { name: 'Dry run' }));
  };
  const counts = () => text(page.getByLabel('Outcome counts'));

  it('dry-runs a CSV of CIs, showing each row’s outcome, and changes nothing', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await visible(page.getByRole('heading', { name: 'Import', level: 1 }));
    await upload('estate.csv', cisCsv);
    await page.getByRole('button', { name: 'Dry run' }).click();
    const result = page.getByRole('region', { name: 'Dry run result' });
    await visible(result.getByText('Dry run complete: 6 rows checked, nothing was changed.'));
    expect(await counts()).toBe('5 created0 updated0 unchanged1 rejected');
    // The rejected row says why.
    await visible(result.getByRole('row').filter({ hasText: 'engine is required.' }));
    expect(await text(result.getByRole('row').filter({ hasText: 'engine is required.' }))).toContain('7');
    expect(await seriousA11yProblems(page)).toEqual([]);
    const listed = await run.admin.call<{ items: unknown[] }>('GET', `/cmdb/cis?q=${host}.corp`);
    expect(listed.items).toEqual([]);
  });

  it('runs it for real with a progress bar, and a re-run changes nothing', async () => {
    await page.getByRole('button', { name: 'Run import for real' }).click();
    const result = page.getByRole('region', { name: 'Import result' });
    await visible(result.getByText('Import complete: 6 of 6 rows processed.'));
    expect(
      await result.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    expect(await counts()).toBe('5 created0 updated0 unchanged1 rejected');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await visible(page.getByRole('region', { name: 'Import result' }).getByText('0 created'));
    expect(await counts()).toBe('0 created0 updated5 unchanged1 rejected');
  });

  it('imports the relationships between them', async () => {
    await page.locator('label', { hasText: /^Relationships$/ }).click();
    expect(await page.getByRole('radio', { name: 'Relationships' }).isChecked()).toBe(true);
    await upload('relationships.csv', relationshipsCsv);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await visible(page.getByRole('region', { name: 'Import result' }).getByText('Import complete'));
    expect(await counts()).toBe('3 created0 updated0 unchanged0 rejected');
  });

  it('opens the server and sees in the impact graph the service an outage would hit', async () => {
    await page.getByRole('link', { name: 'Configuration items' }).click();
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill(`${host}.corp`);
    await visible(page.getByText('Showing 1 item (all)'));
    await page.getByRole('link', { name: host }).click();
    await visible(page.getByRole('heading', { name: host, level: 1 }));
    await page.getByRole('tab', { name: 'Impact analysis' }).click();

    const graph = page.getByLabel('Impact graph');
    const serviceNode = graph.getByRole('link', {
      name: new RegExp(`^${service} Business service, service`),
    });
    await visible(serviceNode);
    await visible(graph.getByRole('link', { name: new RegExp(`^${app} `) }));
    // The other service does not depend on this server.
    expect(await graph.getByRole('link', { name: new RegExp(`^${other} `) }).count()).toBe(0);
    const services = page.getByRole('table', { name: 'Services affected' });
    await visible(services.getByRole('link', { name: service }));
    expect(await text(services.getByRole('row').filter({ hasText: service }))).toContain(
      `${app} runs on ${vm}`,
    );
    // The summary counts everything reached: the VM, the application and the service.
    const summary = page.getByRole('region', { name: 'Summary' });
    expect(await text(summary)).toContain('3 CIs affected');
    expect(await text(summary)).toContain('1 services');

    // A shallower walk stops before the service.
    await page.getByRole('combobox', { name: 'Depth' }).click();
    await page.getByRole('option', { name: '1 step' }).click();
    await expect.poll(() => serviceNode.count()).toBe(0);
    await visible(graph.getByRole('link', { name: new RegExp(`^${vm} `) }));
    await page.getByRole('combobox', { name: 'Depth' }).click();
    await page.getByRole('option', { name: 'All' }).click();
    await visible(serviceNode);
    expect(await seriousA11yProblems(page)).toEqual([]);
    // A look at the graph's layout (overwritten each run; Playwright creates the folder).
    await serviceNode.hover();
    await page.screenshot({
      path: path.join(tmpdir(), 'steward-e2e-screenshots', 'cmdb-impact.png'),
      fullPage: true,
    });

    // Graph nodes open their CI; the service shows its dependency tree down to the server.
    await serviceNode.click();
    await visible(page.getByRole('heading', { name: service, level: 1 }));
    await page.getByRole('tab', { name: 'Impact and dependencies' }).click();
    await visible(page.getByLabel('Dependency graph').getByRole('link', { name: new RegExp(`^${host} `) }));
    await page.goBack();
    await visible(page.getByRole('heading', { name: host, level: 1 }));
  });

  it('raises an incident on the server and sees the services it hits', async () => {
    await page.getByRole('link', { name: 'Raise incident' }).click();
    await visible(page.getByRole('heading', { name: 'New incident' }));
    // The server is preselected.
    await visible(page.locator('.mantine-Pill-label', { hasText: host }));
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(`Host ${host} is down`);
    await page.getByRole('button', { name: 'Create incident' }).click();
    await page.waitForURL(/\/incidents\/INC\d+$/);

    const panel = page.getByRole('region', { name: 'Configuration items' });
    await visible(panel.getByRole('link', { name: host }));
    const affected = panel.getByRole('region', { name: 'Services affected' });
    await visible(affected.getByRole('link', { name: service }));
    expect(await affected.getByRole('link', { name: other }).count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);

    // The server lists the incident among its records.
    const number = new URL(page.url()).pathname.split('/').pop() ?? '';
    await panel.getByRole('link', { name: host }).click();
    await page.getByRole('tab', { name: 'Linked records' }).click();
    await visible(page.getByRole('table', { name: 'Linked records' }).getByRole('link', { name: number }));
    expect(run.pageErrors).toEqual([]);
  });

  it('edits one field of the server and history records only that field', async () => {
    await visible(page.getByRole('heading', { name: host, level: 1 }));
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'CI history' });
    await visible(history);
    const before = await history.getByRole('row').count();

    await page.getByRole('tab', { name: 'Details' }).click();
    const details = page.getByRole('region', { name: 'CI details' });
    const save = details.getByRole('button', { name: 'Save changes' });
    expect(await save.isDisabled()).toBe(true);
    await details.getByRole('textbox', { name: 'Location', exact: true }).fill(`Rack ${id}`);
    await save.click();
    await visible(page.getByText(`${host} saved`));
    expect(await save.isDisabled()).toBe(true);

    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => history.getByRole('row').count()).toBe(before + 1);
    const newest = await text(history.getByRole('row').nth(1));
    expect(newest).toContain('location');
    expect(newest).toContain(`Rack ${id}`);
    expect(run.pageErrors).toEqual([]);
  });
});
