/** The status page as an Atom or RSS feed: updates, past disruptions and planned maintenance. */

import type { PublicStatus } from '../../contracts/status-page.ts';
import { STATUS_LABELS } from '../../domain/status/derive.ts';
import { onFirstUse } from '../../on-first-use.ts';

/** Loaded on the first request for a feed, not at start. */
const library = onFirstUse((load) => load('feed') as typeof import('feed'));

export function statusFeed(page: PublicStatus, base: string, format: 'atom' | 'rss'): string {
  const root = base.replace(/\/$/, '');
  const feed = new (library().Feed)({
    id: `${root}/status`,
    title: page.title,
    link: `${root}/status`,
    updated: new Date(page.generatedAt),
    generator: 'Steward',
    copyright: '',
    feedLinks: {
      atom: `${root}/api/v1/public/status/feed.atom`,
      rss: `${root}/api/v1/public/status/feed.rss`,
    },
  });
  const seen = new Set<string>();
  const items: { id: string; title: string; date: Date; content: string }[] = [];
  const events = [
    ...page.active,
    ...page.history.map((h) => ({ title: h.cause || STATUS_LABELS[h.status], updates: h.updates })),
  ];
  for (const e of events)
    for (const u of e.updates) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      items.push({ id: u.id, title: `${u.title} — ${u.phase}`, date: new Date(u.at), content: u.message });
    }
  for (const h of page.history)
    if (h.updates.length === 0)
      items.push({
        id: h.id,
        title: `${h.serviceName}: ${STATUS_LABELS[h.status]}`,
        date: new Date(h.endedAt),
        content: `${h.cause ? `${h.cause}. ` : ''}From ${h.startedAt} to ${h.endedAt}.`,
      });
  for (const p of page.planned)
    items.push({
      id: p.key,
      title: `Planned maintenance: ${p.title}`,
      date: new Date(p.startedAt ?? page.generatedAt),
      content: `From ${p.startedAt ?? '?'}${p.endsAt ? ` to ${p.endsAt}` : ''}.`,
    });
  items.sort((a, b) => b.date.getTime() - a.date.getTime());
  for (const i of items.slice(0, 100))
    feed.addItem({
      id: `${root}/status#${i.id}`,
      title: i.title,
      link: `${root}/status#${i.id}`,
      date: i.date,
      description: i.content,
      content: i.content,
    });
  return format === 'atom' ? feed.atom1() : feed.rss2();
}
