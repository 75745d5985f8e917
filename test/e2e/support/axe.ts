/** Accessibility check with axe-core in the page: fails on serious and critical violations. */
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource: string = (require('axe-core') as { source: string }).source;

type AxeGlobal = { axe: { run: (options?: object) => Promise<AxeResults> } };

export type A11yProblem = { id: string; impact: string; help: string; nodes: string[] };

export async function seriousA11yProblems(page: Page): Promise<A11yProblem[]> {
  // Judge the page as it settles, not a frame of a fade: wait for finite animations and
  // transitions (a notification sliding in) to end. Spinners run forever and are not waited for.
  await page.evaluate(() => {
    type Running = { finished: Promise<unknown>; effect: { getTiming(): { iterations?: number } } | null };
    const doc = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document;
    return Promise.all(
      doc
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    );
  });
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  // Evaluated by the browser's debugging protocol, which the app's CSP (no inline script) allows.
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (globalThis as unknown as AxeGlobal).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return results.violations
    .filter((v: Result) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: Result) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.html.slice(0, 160)} — ${n.any[0]?.message ?? ''}`),
    }));
}
