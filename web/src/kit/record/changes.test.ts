import { describe, expect, it } from 'vitest';
import { type ChangeItem, describeChange, type Resolvers } from './changes.ts';

const resolvers: Resolvers = {
  stateLabel: (k) => ({ in_progress: 'In progress', new: 'New' })[k],
  userName: (id) => (id === 'u1' ? 'Sam Okafor' : undefined),
  groupName: () => undefined,
};
const change = (field: string, oldValue: string | null, newValue: string | null): ChangeItem =>
  ({
    kind: 'change',
    id: '1',
    at: '2026-12-06T10:00:00Z',
    actor: null,
    field,
    oldValue,
    newValue,
  }) as ChangeItem;

describe('describeChange', () => {
  it('says a field went from one value to another, in labels', () => {
    expect(describeChange(change('state', 'new', 'in_progress'), resolvers)).toEqual({
      type: 'field',
      label: 'State',
      from: 'New',
      to: 'In progress',
      long: false,
    });
    expect(describeChange(change('assigneeId', null, 'u1'), resolvers)).toMatchObject({
      from: '—',
      to: 'Sam Okafor',
    });
  });

  it('tells an escalation as what it did, not as a field that changed from nothing', () => {
    expect(
      describeChange(
        change('escalation', null, 'SLA resolution warning at 75%: notified Maria Lopez'),
        resolvers,
      ),
    ).toEqual({ type: 'event', text: 'Escalated: SLA resolution warning at 75%: notified Maria Lopez' });
  });
});
