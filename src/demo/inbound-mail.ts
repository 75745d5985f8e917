/**
 * Demo email in: the service desk's receiving address, and a few messages delivered through the
 * same processing as real mail: a new incident by mail, a reply that becomes a comment on it, and
 * an out-of-office that is ignored. Deterministic (fixed Message-IDs), so a second run adds nothing.
 */
import type { AppContext } from '../context.ts';
import { createAddress } from '../modules/inbound-mail/addresses.ts';
import { deliverMail } from '../modules/inbound-mail/service.ts';

const DESK = 'servicedesk@example.com';

/** A plain-text mail from `from` to the desk: its headers (plus `extra`), a blank line, the body. */
const mail = (from: string, subject: string, n: number, extra: string[], body: string[]) =>
  Buffer.from(
    `${[
      `From: ${from}`,
      `To: IT Service Desk <${DESK}>`,
      `Subject: ${subject}`,
      `Message-ID: <demo-mail-000${n}@example.com>`,
      ...extra,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      ...body,
    ].join('\r\n')}\r\n`,
  );

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
  const from = `${r.name} <${r.email}>`;
  const subject = 'Second monitor flickers since the docking station update';
  const mails = [
    mail(
      from,
      subject,
      1,
      [],
      [
        'Hello,',
        '',
        'since yesterday\u2019s update my second monitor flickers every few seconds when the laptop is docked.',
        '',
        'Thanks,',
        r.name,
      ],
    ),
    mail(
      from,
      `Re: ${subject}`,
      2,
      ['In-Reply-To: <demo-mail-0001@example.com>', 'References: <demo-mail-0001@example.com>'],
      [
        'It also happens with the HDMI cable, so it is not the cable.',
        '',
        `On Monday, ${r.name} wrote:`,
        '> since yesterday\u2019s update my second monitor flickers every few seconds',
      ],
    ),
    mail(
      from,
      `Automatic reply: ${subject}`,
      3,
      ['Auto-Submitted: auto-replied'],
      ['I am out of the office until Monday.'],
    ),
  ];
  let stored = 0;
  // In order: the reply threads on the first mail, stored before it.
  for (const raw of mails) {
    const { duplicate } = await deliverMail(ctx, raw, 'smtp', { rcptTo: [DESK] });
    if (!duplicate) stored++;
  }
  return { addresses: 1, messages: stored };
}
