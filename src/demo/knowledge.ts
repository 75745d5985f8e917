/**
 * Demo knowledge base: categories with their reviewers and a dozen realistic articles, published
 * through the review workflow (written by agents, published by a reviewer), some internal, one
 * for the customers of the payroll service, and one still waiting in review. Goes through the same
 * use cases as the API.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { ArticleCreate } from '../contracts/knowledge.ts';
import type { Actor } from '../domain/roles.ts';
import { cis } from '../modules/cmdb/schema.ts';
import { createArticle, stepArticle } from '../modules/knowledge/articles.ts';
import { createCategory } from '../modules/knowledge/categories.ts';

type DemoCategory = { key: string; name: string; description: string; reviewers: string[] };

const CATEGORIES: DemoCategory[] = [
  {
    key: 'access',
    name: 'Accounts and access',
    description: 'Passwords, sign-in, two-step verification and permissions.',
    reviewers: ['maria', 'lena'],
  },
  {
    key: 'network',
    name: 'Network and remote work',
    description: 'VPN, Wi-Fi and working from home.',
    reviewers: ['maria', 'ravi'],
  },
  {
    key: 'email',
    name: 'Email and collaboration',
    description: 'Outlook, shared mailboxes, calendars and meetings.',
    reviewers: ['maria', 'sam'],
  },
  {
    key: 'devices',
    name: 'Devices and printing',
    description: 'Laptops, phones, printers and peripherals.',
    reviewers: ['maria', 'olga'],
  },
  {
    key: 'runbooks',
    name: 'Service desk runbooks',
    description: 'How the service desk handles recurring situations. Internal.',
    reviewers: ['maria'],
  },
];

type DemoArticle = {
  category: string;
  author: string;
  title: string;
  summary: string;
  body: string;
  audience: 'internal' | 'requesters' | 'customers';
  service?: string;
  /** Stops in review instead of being published. */
  inReview?: boolean;
  reviewBy?: string;
};

const ARTICLES: DemoArticle[] = [
  {
    category: 'access',
    author: 'lena',
    title: 'Reset your password',
    summary: 'Choose a new password yourself from the sign-in page, any time.',
    body: `## When to use this\n\nYou forgot your password, or it expired.\n\n## Steps\n\n1. Go to the sign-in page and choose **Forgot password**.\n2. Enter your work email address.\n3. Open the message we send you and follow the link within 30 minutes.\n4. Choose a new password of at least 12 characters.\n\nYour phone and laptop ask for the new password the next time they connect.`,
    audience: 'requesters',
    reviewBy: '2027-06-30',
  },
  {
    category: 'access',
    author: 'lena',
    title: 'Set up two-step verification on a new phone',
    summary: 'Move your authenticator to a new phone without losing access.',
    body: `1. On your **old** phone, open the authenticator app and keep it at hand.\n2. Sign in to your profile and choose **Two-step verification → Replace device**.\n3. Scan the code with the authenticator on the **new** phone.\n4. Enter the six-digit code it shows.\n\nLost the old phone? Use one of your recovery codes, or call the service desk.`,
    audience: 'requesters',
  },
  {
    category: 'access',
    author: 'sam',
    title: 'Unlock an account locked after failed sign-ins',
    summary: 'Check the audit log first; unlock only once the person is verified.',
    body: `Accounts lock for 15 minutes after repeated failures from one address.\n\n1. Open **Administration → Audit log** and filter on the person's email.\n2. If failures come from an unknown address, treat it as a **security incident**: do not unlock, raise a major incident with the security team.\n3. Otherwise verify the caller (call back on the number in the directory) and ask them to wait for the lock to expire or reset their password.`,
    audience: 'internal',
  },
  {
    category: 'network',
    author: 'ravi',
    title: 'Connect to the VPN from home',
    summary: 'Install the VPN client and connect with your work account.',
    body: `## Before you start\n\nYou need your laptop and your phone (for two-step verification).\n\n## Steps\n\n1. Open **Company Portal** and install *Secure Connect*.\n2. Start Secure Connect and choose the **Europe** gateway.\n3. Sign in with your work email and approve the prompt on your phone.\n\nIf the client says *authentication failed* although your password is right, your device certificate may have expired: open Company Portal → **Devices → Renew VPN certificate**.`,
    audience: 'requesters',
  },
  {
    category: 'network',
    author: 'ravi',
    title: 'VPN disconnects every few minutes',
    summary: 'Switch the VPN client to the TCP profile on unstable home networks.',
    body: `Some home routers drop the VPN's UDP traffic.\n\n1. Open Secure Connect → **Settings**.\n2. Set **Protocol** to *TCP*.\n3. Disconnect and connect again.\n\nStill dropping? Plug the laptop into the router with a cable and try once more before you report it.`,
    audience: 'requesters',
  },
  {
    category: 'network',
    author: 'chen',
    title: 'Fail the VPN gateway over to the standby node',
    summary: 'Runbook for the network team when the primary gateway is unhealthy.',
    body: `**Internal runbook.**\n\n1. Confirm the alarm in monitoring: the primary gateway fails health checks for 5 minutes.\n2. In the load balancer, drain \`vpn-gw-01\`.\n3. Promote \`vpn-gw-02\`: \`gwctl promote --node vpn-gw-02\`.\n4. Post an update on the major incident.\n5. Open a problem if the primary failed for an unknown reason.`,
    audience: 'internal',
  },
  {
    category: 'email',
    author: 'sam',
    title: 'Outlook keeps asking for my password',
    summary: 'Clear the saved sign-in after a password change.',
    body: `This happens after you change your password.\n\n1. Close Outlook.\n2. Open **Credential Manager** (search for it in the Start menu).\n3. Under *Windows Credentials*, remove the entries that start with **MicrosoftOffice**.\n4. Start Outlook and sign in once.`,
    audience: 'requesters',
  },
  {
    category: 'email',
    author: 'sam',
    title: 'Get access to a shared mailbox',
    summary: 'Ask the mailbox owner through the catalog; access appears within an hour.',
    body: `1. In the portal, open **Catalog → Shared mailbox access**.\n2. Name the mailbox and say why you need it.\n3. The mailbox owner approves.\n\nOnce approved, Outlook shows the mailbox within an hour; restart Outlook if it does not.`,
    audience: 'requesters',
  },
  {
    category: 'email',
    author: 'priya',
    title: 'Your mailbox is almost full',
    summary: 'Archive old mail to free space; the limit is 50 GB.',
    body: `When the mailbox passes 45 GB you get a warning; at 50 GB you can no longer send.\n\n- Empty **Deleted Items** and **Junk Email**.\n- Turn on **Online Archive**: File → Tools → Mailbox Cleanup → Archive.\n- Save large attachments to your OneDrive and delete the mails.`,
    audience: 'requesters',
    service: 'Email & Collaboration',
  },
  {
    category: 'devices',
    author: 'olga',
    title: 'Printer shows "paper jam" but there is no paper stuck',
    summary: 'Clear the sensor by opening every tray and the rear door.',
    body: `1. Switch the printer off.\n2. Open **every** tray and the rear door; look for small torn pieces.\n3. Close everything firmly and switch the printer on.\n\nIf the message stays, note the printer's asset tag (sticker on the front) and report a problem.`,
    audience: 'requesters',
  },
  {
    category: 'devices',
    author: 'olga',
    title: 'Prepare a laptop for a leaver',
    summary: 'Wipe, re-image and return to stock within two days.',
    body: `**Internal.**\n\n1. Check the leaver request is approved.\n2. Back up the user's local files to their manager's share if asked.\n3. Remove the laptop from the device management console and wipe it.\n4. Re-image with the current build and set the asset status to *in stock*.`,
    audience: 'internal',
  },
  {
    category: 'access',
    author: 'marc',
    title: 'Download your payslip from the payroll portal',
    summary: 'Payslips are in the payroll portal from the 25th of each month.',
    body: `1. Open the payroll portal and sign in with your work account.\n2. Choose **Documents → Payslips**.\n3. Select the month and choose **Download PDF**.\n\nYour payslip is missing? Payroll publishes them by the 25th; after that, report a problem against the Payroll service.`,
    audience: 'customers',
    service: 'Payroll',
  },
  {
    category: 'devices',
    author: 'kate',
    title: 'Connect to the meeting room screen',
    summary: 'Share your screen wirelessly with the room code.',
    body: `1. Turn on the screen with the remote.\n2. On your laptop, open **Room Share** and type the code shown on the screen.\n3. Choose *Share screen*.\n\nThe screen needs the guest Wi-Fi **off**: stay on the corporate network.`,
    audience: 'requesters',
    inReview: true,
  },
];

export async function seedKnowledgeDemo(
  ctx: AppContext,
  opts: { person: (key: string) => string; actor: (id: string) => Promise<Actor>; manager: Actor },
): Promise<{ categories: number; articles: number }> {
  const categoryIds = new Map<string, string>();
  for (const c of CATEGORIES) {
    const created = await createCategory(ctx, opts.manager, {
      name: c.name,
      description: c.description,
      reviewerIds: c.reviewers.map(opts.person),
    });
    categoryIds.set(c.key, created.id);
  }
  const serviceId = async (name: string | undefined) => {
    if (!name) return null;
    const [row] = await ctx.db.select({ id: cis.id }).from(cis).where(eq(cis.name, name));
    return row?.id ?? null;
  };
  const reviewer = await opts.actor(opts.person('maria'));
  for (const a of ARTICLES) {
    const author = await opts.actor(opts.person(a.author));
    const service = await serviceId(a.service);
    // An article for a service's customers needs the service; without it, it stays internal.
    const audience = a.audience === 'customers' && !service ? 'internal' : a.audience;
    const input: ArticleCreate = {
      title: a.title,
      summary: a.summary,
      body: a.body,
      categoryId: categoryIds.get(a.category)!,
      audience,
      audienceServiceId: audience === 'customers' ? service : null,
      serviceIds: service ? [service] : [],
      reviewBy: a.reviewBy ?? null,
    };
    const created = await createArticle(ctx, author, input);
    await stepArticle(ctx, author, created.id, { step: 'submit' }, undefined);
    if (!a.inReview) await stepArticle(ctx, reviewer, created.id, { step: 'publish' }, undefined);
  }
  return { categories: CATEGORIES.length, articles: ARTICLES.length };
}
