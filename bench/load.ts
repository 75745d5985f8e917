/**
 * HTTP load for the benchmarks: autocannon in a child process (so the load generator does not
 * compete with the server under test for one event loop), and a comparison of two targets in
 * alternating rounds so a neighbour's burst of CPU use on a shared machine falls on both.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export type Load = { rps: number; p50: number; p99: number; errors: number };
export type Target = {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers: Record<string, string>;
};
/** One round's raw figures: completed requests, seconds, failures, each response's latency in ms. */
export type Round = { requests: number; seconds: number; errors: number; latencies: number[] };
export type LoadOptions = { connections: number; seconds: number; rounds: number };

const LOAD_FLAG = '--load-generator';

/** One round of load on `target` from a child process. */
export function round(target: Target, seconds: number, connections: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [LOAD_FLAG], { stdio: 'inherit' });
    child.once('message', (m) => resolve(m as Round));
    child.once('error', reject);
    // A child that exits without its figures fails the round instead of leaving it waiting.
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before reporting`)));
    child.send({ target, seconds, connections });
  });
}

function generateLoad(target: Target, seconds: number, connections: number): Promise<Round> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method ?? 'GET',
        ...(target.body === undefined ? {} : { body: target.body }),
        headers: target.headers,
        connections,
        duration: seconds,
      },
      (err, r) => {
        if (err) reject(err);
        else
          resolve({
            requests: r.requests.total,
            seconds: r.duration,
            // 304 Not Modified is a success for a conditional GET.
            errors: r.non2xx - (r.statusCodeStats?.['304']?.count ?? 0) + r.errors,
            latencies,
          });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

const percentile = (sorted: number[], q: number) =>
  sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) : 0;

/** Load the baseline and the subject in alternating rounds (baseline first), and sum each side. */
export async function compare(
  subject: Target,
  baseline: Target,
  opts: LoadOptions,
): Promise<{ subject: Load; baseline: Load }> {
  const acc = { subject: [] as Round[], baseline: [] as Round[] };
  for (let i = 0; i < opts.rounds; i++) {
    acc.baseline.push(await round(baseline, opts.seconds / opts.rounds, opts.connections));
    acc.subject.push(await round(subject, opts.seconds / opts.rounds, opts.connections));
  }
  return { subject: summarise(acc.subject), baseline: summarise(acc.baseline) };
}

/** Rounds summed: all requests over all rounds' time, percentiles over every response. */
export function summarise(rs: Round[]): Load {
  const lat = rs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = rs.reduce((n, r) => n + r.requests, 0);
  const seconds = rs.reduce((n, r) => n + r.seconds, 0);
  return {
    rps: requests / seconds,
    p50: percentile(lat, 0.5),
    p99: percentile(lat, 0.99),
    errors: rs.reduce((n, r) => n + r.errors, 0),
  };
}

if (process.argv.includes(LOAD_FLAG)) {
  process.once('message', async (m) => {
    const { target, seconds, connections } = m as { target: Target; seconds: number; connections: number };
    const result = await generateLoad(target, seconds, connections);
    // Disconnect only once the message is written: a large one (every latency of a fast round)
    // was still being written when the channel closed, and the parent waited for it forever.
    process.send?.(result, undefined, {}, () => process.disconnect());
  });
}
