/**
 * Who may read a knowledge article. Staff (those who read all records) read every article in
 * every state, retired ones included. Anyone else reads only published articles meant for them:
 * those for all requesters, and those for a service's customers when their organisation is a
 * customer of that service. Internal articles are never theirs, whichever way they ask.
 */
export const AUDIENCES = ['internal', 'requesters', 'customers'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  internal: 'Internal (staff only)',
  requesters: 'All requesters',
  customers: 'Service customers',
};

export type Reader = {
  /** Reads internal knowledge (staff). */
  staff: boolean;
  /** Services whose customer the reader's organisation is. */
  customerOf: ReadonlySet<string>;
};

export type ArticleAccess = {
  state: string;
  audience: Audience;
  audienceServiceId: string | null;
};

export function mayRead(reader: Reader, article: ArticleAccess): boolean {
  if (reader.staff) return true;
  if (article.state !== 'published') return false;
  switch (article.audience) {
    case 'internal':
      return false;
    case 'requesters':
      return true;
    case 'customers':
      return article.audienceServiceId !== null && reader.customerOf.has(article.audienceServiceId);
  }
}

/**
 * The same rule as a filter for lists and search: null means no restriction (staff); otherwise
 * the services whose customers' articles the reader may see (published requester articles are
 * always allowed).
 */
export function readerFilter(reader: Reader): { customerServiceIds: string[] } | null {
  return reader.staff ? null : { customerServiceIds: [...reader.customerOf].sort() };
}

/** The audience an article needs: a service when (and only when) it is for a service's customers. */
export function audienceProblem(audience: Audience, serviceId: string | null | undefined): string | null {
  if (audience === 'customers' && !serviceId) return 'choose the service whose customers may read it';
  return null;
}
