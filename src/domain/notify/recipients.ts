/**
 * Who hears of an event: the parties a rule names, resolved to people from the record's facts,
 * each person once with every reason. The person who acted is never told of their own action, and
 * an internal event (an internal note) reaches only people who may read internal notes: never the
 * requester, whatever else they are on the record.
 */

export const RECIPIENT_PARTIES = [
  'requester',
  'watchers',
  'assignee',
  'group',
  'consulted',
  'informed',
  'assignee_manager',
  'group_manager',
  'on_call',
] as const;
export type RecipientParty = (typeof RECIPIENT_PARTIES)[number];

/** Why a person is told, as the end of "You are told because …". */
export const RECIPIENT_PARTY_LABELS: Record<RecipientParty, string> = {
  requester: 'you raised it',
  watchers: 'you watch it',
  assignee: 'it is assigned to you',
  group: 'you are in the assigned group',
  consulted: 'you are consulted on this activity in the RACI matrix',
  informed: 'you are informed of this activity in the RACI matrix',
  assignee_manager: 'you manage the assignee',
  group_manager: 'you manage the assigned group',
  on_call: 'you are on call for the assigned group',
};

/** The people each party stands for on one record. */
export type RecipientFacts = {
  requesterId: string | null;
  assigneeId: string | null;
  watcherIds: readonly string[];
  groupMemberIds: readonly string[];
  consultedIds: readonly string[];
  informedIds: readonly string[];
  assigneeManagerId: string | null;
  groupManagerId: string | null;
  onCallId: string | null;
};

export type RecipientChoice = {
  parties: readonly RecipientParty[];
  facts: RecipientFacts;
  /** People named by the event itself (the approvers asked), with their reason. */
  named?: readonly (readonly [string, string])[];
  actorId: string | null;
  internal: boolean;
  /** Who may read internal notes; consulted only for internal events. */
  mayReadInternal: (userId: string) => boolean;
};

function idsOf(party: RecipientParty, f: RecipientFacts): readonly (string | null)[] {
  switch (party) {
    case 'requester':
      return [f.requesterId];
    case 'watchers':
      return f.watcherIds;
    case 'assignee':
      return [f.assigneeId];
    case 'group':
      return f.groupMemberIds;
    case 'consulted':
      return f.consultedIds;
    case 'informed':
      return f.informedIds;
    case 'assignee_manager':
      return [f.assigneeManagerId];
    case 'group_manager':
      return [f.groupManagerId];
    case 'on_call':
      return [f.onCallId];
  }
}

/** (reason, person) pairs in rule order, each person with each reason once. */
export function chooseRecipients(c: RecipientChoice): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (reason: string, id: string | null) => {
    if (!id || id === c.actorId) return;
    if (c.internal && (id === c.facts.requesterId || !c.mayReadInternal(id))) return;
    const reasons = out.get(id) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    out.set(id, reasons);
  };
  for (const [id, reason] of c.named ?? []) add(reason, id);
  for (const party of c.parties)
    for (const id of idsOf(party, c.facts)) add(RECIPIENT_PARTY_LABELS[party], id);
  return out;
}
