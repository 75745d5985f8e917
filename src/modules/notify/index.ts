/**
 * The notify module's public face: write messages for people into the outbox (in the transaction
 * of what caused them) and resolve who is told. Lifecycle transitions' notify effects are its own
 * reaction to record events; escalation and other processes call queueNotifications.
 */
export { type Audience, collectAudience, peopleOf } from './audience.ts';
export { type NotificationInput, queueNotifications } from './notifications.ts';
