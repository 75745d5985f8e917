/**
 * The web app's record-type registry: for each record type of the shared contract its labels,
 * icon, the URLs of its list, its record page (workspace and portal) and its "new" form, and the
 * page components. Routes, navigation, notifications and every link to a record read it, so a new
 * record type is one entry here plus its pages.
 */
import {
  type Icon,
  IconBug,
  IconBulb,
  IconChecklist,
  IconGitPullRequest,
  IconInbox,
  IconTool,
} from '@tabler/icons-react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { RECORD_TYPE_DATA } from '../../../src/contracts/record-types.ts';
import { lazyPage } from '../kit/nav/lazyPage.ts';

type Contract = Extract<(typeof RECORD_TYPE_DATA)[number], { built: true }>;
/** The record types that have records (and so pages); the others are processes being built. */
const RECORD_TYPES = RECORD_TYPE_DATA.filter((t): t is Contract => t.built);
export type RecordTypeKey = Contract['key'];

type Page = LazyExoticComponent<ComponentType>;

export type WebRecordType = {
  key: RecordTypeKey;
  prefix: string;
  label: string;
  plural: string;
  /** The API collection (`/api/v1/<apiPath>`). */
  apiPath: string;
  /** One record and several, as sentences and counts say them: "request", "requests". */
  noun: [string, string];
  icon: Icon;
  /** The workspace URL segment: `/<route>` lists, `/<route>/<number>` opens one. */
  route: string;
  /** The portal's URL segment for requesters, when they can open this type there. */
  portalRoute: string | null;
  /** Where the navigation's list entry goes (with its default filter). */
  listPath: string;
  /** The workspace's "new" form, when records of this type are raised directly. */
  newPath: string | null;
  pages: { record: Page; portalRecord: Page | null };
};

/** A named export of a module, loaded on first use. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): Page =>
  lazyPage(load, name);

type Extra = Omit<WebRecordType, 'key' | 'prefix' | 'label' | 'plural' | 'apiPath'>;

const EXTRAS: Record<RecordTypeKey, Extra> = {
  incident: {
    noun: ['incident', 'incidents'],
    icon: IconInbox,
    route: 'incidents',
    portalRoute: 'portal/incidents',
    listPath: '/incidents',
    newPath: '/incidents/new',
    pages: {
      record: page(() => import('../features/incidents/IncidentPage.tsx'), 'IncidentPage'),
      portalRecord: page(() => import('../features/portal/PortalIncidentPage.tsx'), 'PortalIncidentPage'),
    },
  },
  problem: {
    noun: ['problem', 'problems'],
    icon: IconBug,
    route: 'problems',
    portalRoute: null,
    listPath: '/problems?stateCategory=open',
    newPath: '/problems/new',
    pages: {
      record: page(() => import('../features/problems/ProblemPage.tsx'), 'ProblemPage'),
      portalRecord: null,
    },
  },
  change: {
    noun: ['change', 'changes'],
    icon: IconGitPullRequest,
    route: 'changes',
    portalRoute: null,
    listPath: '/changes?stateCategory=open',
    newPath: '/changes/new',
    pages: {
      record: page(() => import('../features/changes/ChangePage.tsx'), 'ChangePage'),
      portalRecord: null,
    },
  },
  request: {
    noun: ['request', 'requests'],
    icon: IconChecklist,
    route: 'requests',
    portalRoute: 'portal/requests',
    listPath: '/requests',
    newPath: null,
    pages: {
      record: page(() => import('../features/requests/RequestPage.tsx'), 'RequestPage'),
      portalRecord: page(() => import('../features/portal/PortalRequestPage.tsx'), 'PortalRequestPage'),
    },
  },
  improvement: {
    noun: ['improvement', 'improvements'],
    icon: IconBulb,
    route: 'improvements',
    portalRoute: null,
    listPath: '/improvements?stateCategory=open',
    newPath: '/improvements/new',
    pages: {
      record: page(() => import('../features/improvements/ImprovementPage.tsx'), 'ImprovementPage'),
      portalRecord: null,
    },
  },
  request_task: {
    noun: ['task', 'tasks'],
    icon: IconTool,
    route: 'tasks',
    portalRoute: null,
    listPath: '/tasks?groupId=mine&stateCategory=open',
    newPath: null,
    pages: {
      record: page(() => import('../features/requests/TaskPage.tsx'), 'TaskPage'),
      portalRecord: null,
    },
  },
};

export const RECORD_TYPE_LIST: readonly WebRecordType[] = RECORD_TYPES.map((t) => ({
  key: t.key,
  prefix: t.prefix,
  label: t.label,
  plural: t.plural,
  apiPath: t.path,
  ...EXTRAS[t.key],
}));

export const recordTypes = Object.fromEntries(RECORD_TYPE_LIST.map((t) => [t.key, t])) as Record<
  RecordTypeKey,
  WebRecordType
>;

export function isRecordTypeKey(key: string): key is RecordTypeKey {
  return key in recordTypes;
}

/** The record type a number belongs to, by its prefix ("REQ0001001" is a request). */
export function recordTypeOfNumber(number: string): WebRecordType | undefined {
  const upper = number.toUpperCase();
  return RECORD_TYPE_LIST.find((t) => upper.startsWith(t.prefix));
}

/**
 * Where a record opens: the portal's page for requesters when the type has one, else the
 * workspace's. An unknown type opens as an incident (the oldest type, and what links once meant).
 */
export function recordPath(type: string, number: string, portal = false): string {
  const t = isRecordTypeKey(type) ? recordTypes[type] : recordTypes.incident;
  const route = portal && t.portalRoute ? t.portalRoute : t.route;
  return `/${route}/${encodeURIComponent(number)}`;
}

/** The list a record page leads back to. */
export function listPath(type: RecordTypeKey, portal = false): string {
  return portal ? '/portal' : recordTypes[type].listPath;
}
