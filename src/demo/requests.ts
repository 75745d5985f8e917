/**
 * Demo catalog and service requests: three items (a laptop with a conditional justification,
 * software access with the manager's approval, a new starter with two parallel tasks) and a
 * handful of requests at every stage, all through the same use cases the API uses.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/roles.ts';
import { users } from '../modules/auth/schema.ts';
import { createService } from '../modules/catalog/service.ts';
import { cis } from '../modules/cmdb/schema.ts';
import { type CatalogItemInput, createCatalogItem } from '../modules/requests/catalog.ts';
import {
  createRequest,
  decideRequestApproval,
  transitionRequest,
  transitionRequestTask,
} from '../modules/requests/service.ts';

type Lookup = {
  person: (key: string) => string;
  group: (key: string) => string;
  actor: (id: string) => Promise<Actor>;
};

/** The service CI the demo items hang under: an existing business service of that name, or a new one. */
async function workplaceService(ctx: AppContext): Promise<string> {
  const name = 'Workplace Services';
  const [found] = await ctx.db
    .select({ id: cis.id })
    .from(cis)
    .where(and(eq(cis.classKey, 'business_service'), eq(cis.name, name)));
  if (found) return found.id;
  const created = await createService(ctx, 'system', {
    kind: 'business',
    name,
    description: 'Devices, accounts and access for everyone at work.',
    criticality: 'medium',
    lifecycleStatus: 'live',
  });
  return created.id;
}

/** A laptop whose justification is asked only for the expensive models. */
const laptopItem = (serviceId: string, l: Lookup): CatalogItemInput => ({
  serviceId,
  name: 'New laptop',
  description: 'A replacement or additional laptop, set up and shipped to you.',
  category: 'Hardware',
  form: [
    {
      key: 'model',
      label: 'Model',
      type: 'choice',
      required: true,
      options: [
        { value: 'standard', label: 'Standard 14" (Windows)' },
        { value: 'pro', label: 'Performance 16" (Windows)' },
        { value: 'mac', label: 'MacBook Pro 14"' },
      ],
    },
    {
      key: 'justification',
      label: 'Why do you need this model?',
      type: 'textarea',
      required: true,
      maxLength: 1000,
      visibleIf: { field: 'model', in: ['pro', 'mac'] },
    },
    { key: 'needed_by', label: 'Needed by', type: 'date' },
  ],
  taskTemplates: [{ title: 'Prepare and ship laptop', groupId: l.group('euc'), order: 1 }],
});

/** Application access approved by the requester's line manager. */
const accessItem = (serviceId: string, l: Lookup): CatalogItemInput => ({
  serviceId,
  name: 'Software access',
  description: 'Access to a business application, approved by your manager.',
  category: 'Access',
  form: [
    {
      key: 'application',
      label: 'Application',
      type: 'choice',
      required: true,
      options: [
        { value: 'erp', label: 'ERP' },
        { value: 'crm', label: 'CRM' },
        { value: 'bi', label: 'BI dashboards' },
      ],
    },
    {
      key: 'access_level',
      label: 'Access level',
      type: 'choice',
      required: true,
      options: [
        { value: 'read', label: 'Read only' },
        { value: 'edit', label: 'Edit' },
      ],
    },
    { key: 'reason', label: 'Business reason', type: 'textarea', required: true, maxLength: 1000 },
  ],
  approvalPolicy: { levels: [{ name: 'Line manager', rule: 'all', approvers: [{ kind: 'manager' }] }] },
  taskTemplates: [{ title: 'Grant application access', groupId: l.group('iam'), order: 1 }],
});

/** Two tasks for two groups, worked in parallel. */
const starterItem = (serviceId: string, l: Lookup): CatalogItemInput => ({
  serviceId,
  name: 'New starter',
  description: 'Everything a new colleague needs on their first day.',
  category: 'People',
  form: [
    {
      key: 'starter_name',
      label: 'Name of the new colleague',
      type: 'text',
      required: true,
      maxLength: 120,
    },
    { key: 'start_date', label: 'First day', type: 'date', required: true },
    { key: 'manager', label: 'Their manager', type: 'user', required: true },
    {
      key: 'equipment',
      label: 'Equipment',
      type: 'multi_choice',
      options: [
        { value: 'laptop', label: 'Laptop' },
        { value: 'phone', label: 'Mobile phone' },
        { value: 'headset', label: 'Headset' },
      ],
    },
  ],
  taskTemplates: [
    { title: 'Prepare workstation and devices', groupId: l.group('euc'), order: 1 },
    { title: 'Create accounts and mailbox', groupId: l.group('iam'), order: 1 },
  ],
});

async function demoItems(ctx: AppContext, admin: Actor, serviceId: string, l: Lookup) {
  const create = async (input: CatalogItemInput) => (await createCatalogItem(ctx, admin, input, null)).id;
  return {
    laptop: await create(laptopItem(serviceId, l)),
    access: await create(accessItem(serviceId, l)),
    starter: await create(starterItem(serviceId, l)),
  };
}

export async function seedDemoRequests(ctx: AppContext, admin: Actor, l: Lookup): Promise<number> {
  // Requesters report to the Head of Finance, so software access goes to her for approval.
  const reports = ['alex', 'nina', 'ben', 'yuki', 'omar', 'sofia'].map(l.person);
  await ctx.db
    .update(users)
    .set({ managerId: l.person('helen') })
    .where(inArray(users.id, reports));
  const items = await demoItems(ctx, admin, await workplaceService(ctx), l);
  const as = (key: string) => l.actor(l.person(key));
  const helen = await as('helen');
  const kate = await as('kate');
  const marc = await as('marc');
  const taskOf = async (r: { tasks: { id: string | null }[] }, i: number) => r.tasks[i]!.id!;

  const shipped = await createRequest(ctx, await as('alex'), {
    catalogItemId: items.laptop,
    answers: { model: 'standard' },
  });
  await transitionRequestTask(
    ctx,
    kate,
    await taskOf(shipped, 0),
    { to: 'done', comment: 'Delivered to reception.' },
    undefined,
  );
  await transitionRequest(ctx, await as('alex'), shipped.id, { to: 'closed' }, undefined);

  const pro = await createRequest(ctx, await as('nina'), {
    catalogItemId: items.laptop,
    answers: {
      model: 'pro',
      justification: 'Video editing for the spring campaign.',
      needed_by: '2026-12-15',
    },
  });
  await transitionRequestTask(ctx, kate, await taskOf(pro, 0), { to: 'in_progress' }, undefined);

  const waiting = { application: 'erp', access_level: 'edit', reason: 'Month-end closing.' };
  await createRequest(ctx, await as('ben'), { catalogItemId: items.access, answers: waiting });
  const refused = await createRequest(ctx, await as('yuki'), {
    catalogItemId: items.access,
    answers: { application: 'erp', access_level: 'edit', reason: 'Curious about the numbers.' },
  });
  await decideRequestApproval(ctx, helen, refused.id, {
    decision: 'reject',
    reason: 'Read-only BI dashboards cover this; please order those instead.',
  });
  const granted = await createRequest(ctx, await as('omar'), {
    catalogItemId: items.access,
    answers: { application: 'bi', access_level: 'read', reason: 'Stock level reports.' },
  });
  await decideRequestApproval(ctx, helen, granted.id, { decision: 'approve' });

  const starter = await createRequest(ctx, await as('sofia'), {
    catalogItemId: items.starter,
    answers: {
      starter_name: 'Jamie Lee',
      start_date: '2026-12-01',
      manager: l.person('liam'),
      equipment: ['laptop', 'headset'],
    },
  });
  await transitionRequestTask(
    ctx,
    marc,
    await taskOf(starter, 1),
    { to: 'done', comment: 'Accounts and mailbox ready.' },
    undefined,
  );
  return 6;
}
