/** A client of the live-update stream (`GET /api/v1/live`) that collects the events it hears. */
import { pollUntil } from './poll.ts';

export type HeardEvent = { event: string; data: Record<string, unknown> };

export type LiveStream = {
  events: HeardEvent[];
  /** Resolves with the first event that matches, waiting up to `timeoutMs`. */
  waitFor(match: (e: HeardEvent) => boolean, timeoutMs?: number): Promise<HeardEvent>;
  close(): void;
};

export async function openLiveStream(baseUrl: string, token: string): Promise<LiveStream> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/live`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`live stream answered ${res.status}`);
  const events: HeardEvent[] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    async waitFor(match, timeoutMs = 10_000) {
      const what = 'a matching live event';
      await pollUntil(
        () => events,
        (heard) => heard.some(match),
        { what, timeoutMs, everyMs: 20 },
      );
      return events.find(match)!;
    },
    close: () => abort.abort(),
  };
}
