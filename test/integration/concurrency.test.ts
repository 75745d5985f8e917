import { describe, expect, it } from 'vitest';
import { activityOf, buildIncident, fieldChanges, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ agent: ['agent'] });

describe('concurrency', () => {
  it('gives 50 parallel creates 50 distinct, gapless numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.agent.post('/api/v1/incidents', { title: `parallel ${i}` })),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = results.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(50);
    const values = numbers.map((n) => Number(n.slice(3))).sort((a, b) => a - b);
    expect(values.at(-1)! - values[0]!).toBe(49);
  });

  it('lets exactly one of two updates made from the same version win; the other gets 412', async () => {
    const inc = await buildIncident(t.agent);
    const [a, b] = await Promise.all([
      t.agent.patch(`/api/v1/incidents/${inc.id}`, { title: 'Alice was here' }, { 'if-match': '"1"' }),
      t.agent.patch(`/api/v1/incidents/${inc.id}`, { title: 'Bob was here' }, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const winner = a.statusCode === 200 ? 'Alice was here' : 'Bob was here';
    const now = (await t.agent.get(`/api/v1/incidents/${inc.id}`)).json();
    expect(now).toMatchObject({ title: winner, version: 2 });
    const history = fieldChanges(await activityOf(t.agent, inc.id)).filter((x) => x.field === 'title');
    expect(history).toHaveLength(1);
  });
});
