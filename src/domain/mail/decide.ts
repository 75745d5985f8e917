/**
 * What becomes of an inbound mail, decided from facts the service gathered: whether a machine
 * wrote it, which configured address it reached, who sent it and which record it threads to.
 * Nothing here reads or writes; the service carries the decision out in one transaction.
 */
import type { Automated } from './classify.ts';

export const UNKNOWN_SENDER_POLICIES = ['create_requester', 'refuse'] as const;
export type UnknownSenderPolicy = (typeof UNKNOWN_SENDER_POLICIES)[number];
export const STRANGER_REPLY_POLICIES = ['add_watcher', 'new_record'] as const;
export type StrangerReplyPolicy = (typeof STRANGER_REPLY_POLICIES)[number];

export type DecisionFacts = {
  automated: Automated | null;
  /** The configured address the mail reached, if any. */
  address: { unknownSenderPolicy: UnknownSenderPolicy; strangerReplyPolicy: StrangerReplyPolicy } | null;
  /** The sender as a Steward user, if one has that address (and is active). */
  sender: { known: boolean; active: boolean };
  /** The record the mail threads to, with what the sender may do on it. */
  thread: {
    recordId: string;
    /** The sender may comment publicly (requester, watcher, or a person who works records). */
    senderMayComment: boolean;
    /** The record is closed: a reply opens a follow-up instead. */
    closed: boolean;
  } | null;
};

export type Decision =
  | { action: 'ignore'; status: 'ignored' | 'bounced'; reason: string; detail: string }
  | {
      action: 'refuse';
      reason: 'unknown_sender' | 'no_address' | 'inactive_sender';
      reply: boolean;
      detail: string;
    }
  | {
      action: 'comment';
      recordId: string;
      /** Add the sender as a watcher first (a stranger's reply under the add_watcher policy). */
      addWatcher: boolean;
      /** Create the sender as a requester first. */
      createSender: boolean;
    }
  | {
      action: 'create';
      /** The record the new one follows up (a closed record, or a stranger's reply). */
      relatesTo: string | null;
      createSender: boolean;
      reason: 'new_mail' | 'closed_record' | 'stranger_reply';
    };

export function decideInbound(f: DecisionFacts): Decision {
  if (f.automated) {
    return f.automated.kind === 'bounce'
      ? { action: 'ignore', status: 'bounced', reason: 'bounce', detail: f.automated.reason }
      : { action: 'ignore', status: 'ignored', reason: f.automated.kind, detail: f.automated.reason };
  }
  if (f.sender.known && !f.sender.active)
    return {
      action: 'refuse',
      reason: 'inactive_sender',
      reply: false,
      detail: 'the sender’s account is deactivated',
    };
  // Without a configured address (a reply sent to another of our addresses) strangers are refused.
  const unknownPolicy = f.address?.unknownSenderPolicy ?? 'refuse';
  const strangerPolicy = f.address?.strangerReplyPolicy ?? 'add_watcher';
  const createSender = !f.sender.known;
  if (createSender && unknownPolicy === 'refuse')
    return {
      action: 'refuse',
      reason: 'unknown_sender',
      reply: true,
      detail: 'no Steward user has this address and the address refuses unknown senders',
    };
  if (f.thread) {
    if (f.thread.closed)
      return { action: 'create', relatesTo: f.thread.recordId, createSender, reason: 'closed_record' };
    if (f.thread.senderMayComment && !createSender)
      return { action: 'comment', recordId: f.thread.recordId, addWatcher: false, createSender: false };
    return strangerPolicy === 'add_watcher'
      ? { action: 'comment', recordId: f.thread.recordId, addWatcher: true, createSender }
      : { action: 'create', relatesTo: f.thread.recordId, createSender, reason: 'stranger_reply' };
  }
  if (!f.address)
    return {
      action: 'refuse',
      reason: 'no_address',
      reply: false,
      detail: 'the mail reached no configured address and answers no record',
    };
  return { action: 'create', relatesTo: null, createSender, reason: 'new_mail' };
}
