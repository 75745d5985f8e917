/**
 * The polite refusal: a person who wrote to an address that takes mail only from known people
 * gets one short answer saying so, threaded on their mail, marked `Auto-Submitted: auto-replied`
 * so their own auto-responder does not answer it back. Machines never get one (the caller
 * decides that); it goes through the outbox like any mail Steward sends.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { queueMail } from '../mail/index.ts';
import type { ParsedInbound } from './parse.ts';
import type { inboundMailAddresses } from './schema.ts';

export async function queueRefusal(
  ctx: AppContext,
  tx: Db,
  mail: ParsedInbound,
  address: typeof inboundMailAddresses.$inferSelect | null,
): Promise<void> {
  const desk = address ? `${address.name} <${address.address}>` : 'the service desk';
  const subject = mail.subject
    ? `Re: ${mail.subject.replace(/^(re:\s*)+/i, '')}`
    : 'Your message to the service desk';
  const text = [
    'Hello,',
    '',
    `Thank you for your message. ${address ? `${desk} accepts` : 'This address accepts'} mail only from people who have an account with us, and we could not find one for ${mail.from!.address}.`,
    '',
    'Your message has not been recorded. If you should have an account, please contact your IT department, or use the self-service portal if you can sign in.',
    '',
    'This is an automatic reply; answers to it are not read.',
  ].join('\n');
  const ref = mail.messageId ? `<${mail.messageId}>` : undefined;
  await queueMail(ctx, tx, {
    purpose: 'inbound-refusal',
    to: [mail.from!.address],
    subject: subject.slice(0, 250),
    text,
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
    ...(ref ? { inReplyTo: ref, references: [...mail.references, ref] } : {}),
  });
}
