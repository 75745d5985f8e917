/** A small REST client for arranging test data: signs in, keeps the cookie, sends the CSRF token. */

export type UserInfo = { id: string; email: string; name: string; roles: string[] };
export type GroupInfo = { id: string; name: string; memberIds: string[]; version: number };
export type CatalogItemInfo = { id: string; name: string; version: number };
export type IncidentInfo = { id: string; number: string; title: string; version: number; state: string };

export const PASSWORD = 'e2e-password-1234';

export class ApiSession {
  readonly baseUrl: string;
  readonly user: UserInfo;
  private readonly cookie: string;
  private readonly csrf: string;

  private constructor(baseUrl: string, cookie: string, csrf: string, user: UserInfo) {
    this.baseUrl = baseUrl;
    this.cookie = cookie;
    this.csrf = csrf;
    this.user = user;
  }

  static async signIn(baseUrl: string, email: string, password: string): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const body = (await res.json()) as { user: UserInfo; csrfToken: string };
    return new ApiSession(baseUrl, cookie, body.csrfToken, body.user);
  }

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  createUser(input: {
    name: string;
    email: string;
    roles: string[];
    groupIds?: string[];
    managerId?: string;
  }): Promise<UserInfo> {
    return this.call('POST', '/users', { password: PASSWORD, timeZone: 'Europe/Berlin', ...input });
  }

  /**
   * A user for one test run: the email is the lower-case first name with the run's suffix `id`
   * (`createPerson('Ann Agent', ['agent'], id)` signs in as ann.<id>@example.com).
   */
  createPerson(
    name: string,
    roles: string[],
    id: string,
    more: { groupIds?: string[]; managerId?: string } = {},
  ): Promise<UserInfo> {
    const email = `${name.split(' ')[0]?.toLowerCase()}.${id}@example.com`;
    return this.createUser({ name, email, roles, ...more });
  }

  createGroup(input: { name: string; memberIds?: string[]; description?: string }): Promise<GroupInfo> {
    return this.call('POST', '/groups', input);
  }

  createIncident(input: { title: string; description?: string; urgency?: number }): Promise<IncidentInfo> {
    return this.call('POST', '/incidents', input);
  }

  comment(recordId: string, body: string, visibility: 'public' | 'internal'): Promise<unknown> {
    return this.call('POST', `/records/${recordId}/comments`, { body, visibility });
  }

  /** A live business service (service managers and administrators). */
  createService(input: { name: string; description?: string }): Promise<{ id: string; name: string }> {
    return this.call('POST', '/services', {
      kind: 'business',
      criticality: 'medium',
      lifecycleStatus: 'live',
      ...input,
    });
  }

  /** A business calendar open around the clock, in UTC (service managers and administrators). */
  createAlwaysCalendar(name: string): Promise<{ id: string }> {
    return this.call('POST', '/calendars', {
      name,
      timeZone: 'UTC',
      intervals: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
      holidays: [],
    });
  }

  /**
   * An agreement drafted and agreed, in force since 1 January 2026 unless told (service managers
   * and administrators).
   */
  async createAgreedAgreement(input: {
    kind: 'sla' | 'ola' | 'uc';
    name: string;
    calendarId: string | undefined;
    serviceId?: string;
    supplierId?: string;
    targets: { priority: number; responseMinutes: number; resolutionMinutes: number }[];
    effectiveFrom?: string;
  }): Promise<{ id: string }> {
    const draft = await this.call<{ id: string }>('POST', '/agreements', {
      effectiveFrom: '2026-01-01T00:00:00Z',
      ...input,
    });
    await this.call('POST', `/agreements/${draft.id}/agree`);
    return draft;
  }

  /** A catalog item with its form, approval policy and task templates (catalog managers). */
  createCatalogItem(input: {
    serviceId: string;
    name: string;
    description?: string;
    category?: string;
    form?: unknown[];
    approvalPolicy?: unknown;
    taskTemplates?: { title: string; groupId: string; order: number; description?: string }[];
  }): Promise<CatalogItemInfo> {
    return this.call('POST', '/catalog/items', input);
  }
}

/** A unique suffix so names and emails never collide between runs against the same data. */
export const unique = () => Math.random().toString(36).slice(2, 8);
