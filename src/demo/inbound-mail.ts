/**
 * Demo email in: the service desk's receiving address, and a few messages delivered through the
 * same processing as real mail: a new incident by mail, a reply that becomes a comment on it, and
 * an out-of-office that is ignored. Deterministic (fixed Message-IDs), so a second run adds nothing.
 */
import type { AppContext } from '../context.ts';
import { createAddress } from '../modules/inbound-mail/addresses.ts';
import { deliverMail } from '../modules/inbound-mail/service.ts';

const DESK = 'servicedesk@example.com';

const mail = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

export async function seedInboundMailDemo(
  ctx: AppContext,
  opts: { adminId: string; requester: { email: string; name: string } },
): Promise<{ addresses: number; messages: number }> {
  await createAddress(ctx, opts.adminId, {
    address: DESK,
    name: 'IT Service Desk',
    recordType: 'incident',
    serviceId: null,
    unknownSenderPolicy: 'refuse',
    strangerReplyPolicy: 'add_watcher',
    imapMailbox: null,
    active: true,
  });
  const r = opts.requester;
  const first = await deliverMail(
    ctx,
    mail([
      `From: ${r.name} <${r.email}>`,
      `To: IT Service Desk <${DESK}>`,
      'Subject: Second monitor flickers since the docking station update',
      'Message-ID: <demo-mail-0001@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello,',
      '',
      'since yesterday\u2019s update my second monitor flickers every few seconds when the laptop is docked.',
      '',
      'Thanks,',
      r.name,
    ]),
    'smtp',
    { rcptTo: [DESK] },
  );
  await deliverMail(
    ctx,
    mail([
      `From: ${r.name} <${r.email}>`,
      `To: IT Service Desk <${DESK}>`,
      'Subject: Re: Second monitor flickers since the docking station update',
      'Message-ID: <demo-mail-0002@example.com>',
      'In-Reply-To: <demo-mail-0001@example.com>',
      'References: <demo-mail-0001@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'It also happens with the HDMI cable, so it is not the cable.',
      '',
      `On Monday, ${r.name} wrote:`,
      '> since yesterday\u2019s update my second monitor flickers every few seconds',
    ]),
    'smtp',
    { rcptTo: [DESK] },
  );
  await deliverMail(
    ctx,
    mail([
      `From: ${r.name} <${r.email}>`,
      `To: IT Service Desk <${DESK}>`,
      'Subject: Automatic reply: Second monitor flickers since the docking station update',
      'Message-ID: <demo-mail-0003@example.com>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'I am out of the office until Monday.',
    ]),
    'smtp',
    { rcptTo: [DESK] },
  );
  return { addresses: 1, messages: first.duplicate ? 0 : 3 };
}
