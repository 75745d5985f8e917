/**
 * The notify module's public face: tell people about an event (in the transaction of what caused
 * it; rules, preferences, templates, mail and webhooks follow), register event types of one's
 * own, write raw inbox messages, and resolve who is told. Lifecycle transitions' notify effects,
 * record events and comments are its own reactions; escalation, approvals, major incidents and
 * other processes call notifyEvent.
 */
export { type Audience, collectAudience, peopleOf } from './audience.ts';
export { appUrl, type NotifyEventInput, notifyEvent, recordLink } from './dispatch.ts';
export { type NotificationEventDefinition, registerNotificationEvent } from './events.ts';
export { type NotificationInput, queueNotifications } from './notifications.ts';
