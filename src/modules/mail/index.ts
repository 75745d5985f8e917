/**
 * The mail module's public face: queue a message inside a transaction (sent by a job over
 * SMTP_URL with retries), and the Message-IDs it sent, which replies thread back on.
 */
export {
  bareAddress,
  deliverDueMail,
  deliverMail,
  mailDomain,
  newMessageId,
  type OutboundMail,
  queueMail,
  recordMessageIds,
  recordOfMessageId,
} from './outbox.ts';
export { closeTransports } from './transport.ts';
