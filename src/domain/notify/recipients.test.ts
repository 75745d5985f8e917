import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseRecipients, RECIPIENT_PARTIES, type RecipientFacts } from './recipients.ts';

const facts: RecipientFacts = {
  requesterId: 'req',
  assigneeId: 'ag',
  watcherIds: ['w1', 'req'],
  groupMemberIds: ['ag', 'g2'],
  consultedIds: ['c1'],
  informedIds: ['i1', 'req'],
  assigneeManagerId: 'm1',
  groupManagerId: 'm2',
  onCallId: 'oc',
};

describe('chooseRecipients', () => {
  it('tells each person once with every reason, never the actor', () => {
    const out = chooseRecipients({
      parties: ['requester', 'watchers', 'assignee', 'group'],
      facts,
      actorId: 'g2',
      internal: false,
      mayReadInternal: () => true,
    });
    expect([...out.keys()].sort()).toEqual(['ag', 'req', 'w1']);
    expect(out.get('req')).toEqual(['you raised it', 'you watch it']);
    expect(out.get('ag')).toEqual(['it is assigned to you', 'you are in the assigned group']);
  });

  it('resolves managers, RACI parties, on-call and named people', () => {
    const out = chooseRecipients({
      parties: ['assignee_manager', 'group_manager', 'consulted', 'on_call'],
      facts,
      named: [['ap', 'your approval is asked']],
      actorId: null,
      internal: false,
      mayReadInternal: () => true,
    });
    expect([...out.keys()].sort()).toEqual(['ap', 'c1', 'm1', 'm2', 'oc']);
  });

  it('never gives an internal event to the requester or to anyone who may not read internal notes (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...RECIPIENT_PARTIES]),
        fc.subarray(['ag', 'w1', 'g2', 'c1', 'i1', 'm1', 'm2', 'oc', 'req']),
        (parties, readers) => {
          const out = chooseRecipients({
            parties,
            facts,
            named: [['req', 'named anyway']],
            actorId: null,
            internal: true,
            mayReadInternal: (id) => readers.includes(id),
          });
          expect(out.has('req')).toBe(false);
          for (const id of out.keys()) expect(readers).toContain(id);
        },
      ),
    );
  });
});
