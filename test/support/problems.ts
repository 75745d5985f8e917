/** Problem management factories for the tests: problems and their known errors, made through the API. */
import type { KnownErrorView, ProblemView } from '../../src/contracts/problems.ts';
import { type Client, expectJson, stepRecord } from './app.ts';

/** Raise a problem as `client`; it must be created. */
export async function raiseProblem(client: Client, body: Record<string, unknown>): Promise<ProblemView> {
  return expectJson<ProblemView>(await client.post('/api/v1/problems', body), 201);
}

/** A problem raised by `client` with the known error recorded on it; both must be created. */
export async function problemWithKnownError(
  client: Client,
  problem: Record<string, unknown>,
  ke: { title?: string; symptoms: string; workaround: string },
): Promise<{ problem: ProblemView; ke: KnownErrorView }> {
  const p = await raiseProblem(client, problem);
  const created = await client.post(`/api/v1/problems/${p.id}/known-error`, ke);
  return { problem: p, ke: expectJson<KnownErrorView>(created, 201) };
}

/** Take a problem's lifecycle step (`to` alone, or a whole transition body); it must succeed. */
export const stepProblem = (client: Client, p: { id: string }, step: string | Record<string, unknown>) =>
  stepRecord<ProblemView>(client, 'problems', p, step);

/**
 * Analyse a problem and resolve it as fixed by a change, `resolutionNotes` saying how (with the
 * other fields of the resolving transition in `extra`); both steps must succeed.
 */
export async function resolveProblem(
  client: Client,
  p: { id: string },
  resolutionNotes: string,
  extra: Record<string, unknown> = {},
): Promise<ProblemView> {
  await stepProblem(client, p, 'analysis');
  return stepProblem(client, p, {
    to: 'resolved',
    resolutionCode: 'fixed_by_change',
    resolutionNotes,
    ...extra,
  });
}
