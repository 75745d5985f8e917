/**
 * Change advisory boards: the list, a new board, and one board's page where the change manager
 * edits its name, kind, members and approval rule, retires or reactivates it, or deletes one that
 * never reviewed a change. Refusals (a change awaiting the board) come back as readable problems.
 */
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type CabBoardView, cabBoards, useCabBoard, useCabBoards } from '../../api/queries/changes.ts';
import type { PersonRef } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserPicker } from '../../components/Pickers.tsx';
import { EmptyState, ErrorAlert } from '../../components/States.tsx';
import { DeleteButton } from '../../kit/detail/DeleteItem.tsx';
import { DetailPage } from '../../kit/detail/DetailPage.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { PeopleTable } from '../../kit/detail/PeopleTable.tsx';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import { LabelledSegments } from '../../kit/form/LabelledSegments.tsx';
import type { FieldErrors } from '../../kit/form/patch.ts';
import { RecordEditForm } from '../../kit/form/RecordEditForm.tsx';
import type { DraftForm } from '../../kit/form/useDraftForm.ts';
import { ActiveBadge } from '../../kit/list/ActiveBadge.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListTable } from '../../kit/list/ListTable.tsx';
import { optionsOf } from '../../lib/labels.ts';
import { isChangeManager } from './labels.ts';

type Kind = CabBoardView['kind'];
type Rule = CabBoardView['rule'];

type BoardDraft = {
  name: string;
  kind: Kind;
  rule: Rule;
  quorum: number | null;
  members: PersonRef[];
  meets: string;
};

type BoardBody = {
  name: string;
  kind: Kind;
  rule: Rule;
  quorum: number | null;
  memberIds: string[];
  meets: string;
};

const KIND_LABELS: Record<Kind, string> = { normal: 'CAB (normal changes)', emergency: 'Emergency CAB' };
const RULE_LABELS: Record<Rule, string> = {
  all: 'Every member approves',
  any: 'Any one member approves',
  quorum: 'A quorum approves',
};

const emptyBoard = (): BoardDraft => ({
  name: '',
  kind: 'normal',
  rule: 'all',
  quorum: null,
  members: [],
  meets: '',
});

const toDraft = (b: CabBoardView): BoardDraft => ({
  name: b.name,
  kind: b.kind,
  rule: b.rule,
  quorum: b.quorum,
  members: b.members,
  meets: b.meets,
});

const toBody = (d: BoardDraft): BoardBody => ({
  name: d.name.trim(),
  kind: d.kind,
  rule: d.rule,
  quorum: d.rule === 'quorum' ? d.quorum : null,
  memberIds: d.members.map((m) => m.id),
  meets: d.meets.trim(),
});

function validate(d: BoardDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = 'Enter a name';
  if (d.members.length === 0) errors.memberIds = 'Add at least one member';
  if (d.rule === 'quorum') {
    if (!d.quorum) errors.quorum = 'Say how many members must approve';
    else if (d.quorum > d.members.length) errors.quorum = 'Cannot be more than the number of members';
  }
  return errors;
}

function ruleText(b: Pick<CabBoardView, 'rule' | 'quorum'>, members: number): string {
  if (b.rule === 'quorum') return `${b.quorum ?? '?'} of ${members} approve`;
  return b.rule === 'all' ? `All ${members} approve` : 'Any one approves';
}

/** The members: added with the person picker, each removable. */
function MembersField<B extends object>({ form }: { form: DraftForm<BoardDraft, B> }) {
  const [person, setPerson] = useState<PersonRef | null>(null);
  const members = form.draft.members;
  return (
    <Stack gap="xs">
      {!form.readOnly && (
        <UserPicker
          label="Add a member"
          placeholder="Search by name or email"
          value={person}
          error={form.errors.memberIds}
          onChange={(p) => {
            if (p && !members.some((m) => m.id === p.id)) form.set('members', [...members, p]);
            setPerson(null);
          }}
        />
      )}
      {members.length === 0 ? (
        <Text size="sm" c="dimmed">
          No members yet.
        </Text>
      ) : (
        <PeopleTable
          people={members}
          label="Members"
          onRemove={
            form.readOnly
              ? undefined
              : (m) =>
                  form.set(
                    'members',
                    members.filter((x) => x.id !== m.id),
                  )
          }
        />
      )}
    </Stack>
  );
}

function BoardFields<B extends object>({ form }: { form: DraftForm<BoardDraft, B> }) {
  return (
    <>
      <TextInput label="Name" required {...form.text('name', { max: 'nameMax' })} />
      {form.readOnly ? (
        <Group grow>
          <TextInput label="Kind" readOnly value={KIND_LABELS[form.draft.kind]} />
          <TextInput label="Approval rule" readOnly value={ruleText(form.draft, form.draft.members.length)} />
        </Group>
      ) : (
        <>
          <LabelledSegments
            label="Kind"
            value={form.draft.kind}
            onChange={(k) => form.set('kind', k)}
            data={optionsOf(['normal', 'emergency'] as const, KIND_LABELS)}
          />
          <LabelledSegments
            label="Approval rule"
            value={form.draft.rule}
            onChange={(r) => form.set('rule', r)}
            data={optionsOf(['all', 'any', 'quorum'] as const, RULE_LABELS)}
          />
        </>
      )}
      {form.draft.rule === 'quorum' && !form.readOnly && (
        <NumberInput
          label="Quorum"
          description="How many members must approve"
          required
          min={1}
          max={Math.max(1, form.draft.members.length)}
          allowDecimal={false}
          {...form.number('quorum')}
        />
      )}
      <TextInput
        label="Meets"
        description="When the board meets, in words"
        {...form.text('meets', { max: 200 })}
      />
      <MembersField form={form} />
    </>
  );
}

const COLUMNS: ListColumn<CabBoardView>[] = [
  {
    key: 'name',
    label: 'Board',
    render: (b) => (
      <Text component={Link} to={`/cab-boards/${b.id}`} fw={600} size="sm" c="blue.9" td="underline">
        {b.name}
      </Text>
    ),
  },
  { key: 'kind', label: 'Kind', width: 200, render: (b) => KIND_LABELS[b.kind] },
  { key: 'rule', label: 'Approval', width: 170, render: (b) => ruleText(b, b.members.length) },
  { key: 'members', label: 'Members', width: 100, render: (b) => b.members.length },
  {
    key: 'status',
    label: 'Status',
    width: 110,
    render: (b) => <ActiveBadge active={b.active} off="Retired" size="sm" />,
  },
];

export function CabBoardsPage() {
  const me = useMe();
  const boards = useCabBoards();
  const manager = isChangeManager(me);
  const items = boards.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title="CAB boards"
        description="The boards that authorise normal and emergency changes: their members and approval rule."
        actions={
          manager && (
            <CreateButton
              label="New board"
              useCreate={cabBoards.useCreate}
              title="New board"
              empty={emptyBoard}
              toBody={toBody}
              validate={validate}
              created={(b) => `${b.name} set up`}
              pathOf={(b) => `/cab-boards/${b.id}`}
              submitLabel="Create board"
              errorTitle="The board was not created"
            >
              {(form) => <BoardFields form={form} />}
            </CreateButton>
          )
        }
      />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Loaded query={boards} label="Loading boards">
          {() =>
            items.length === 0 ? (
              <EmptyState title="No boards yet">
                Set up a CAB for normal changes and an emergency CAB before sending changes for authorisation.
              </EmptyState>
            ) : (
              <ListTable
                label="CAB boards"
                columns={COLUMNS}
                rows={items}
                rowKey={(b) => b.id}
                rowHref={(b) => `/cab-boards/${b.id}`}
                rowLabel={(b) => b.name}
                sort={{ sort: 'kind', order: 'asc' }}
                onSort={() => undefined}
                activeIndex={-1}
              />
            )
          }
        </Loaded>
      </Paper>
    </Stack>
  );
}

/** Retire (or bring back) a board; refused with the changes awaiting it. */
function RetireBoard({ board }: { board: CabBoardView }) {
  const save = cabBoards.useUpdate();
  return (
    <Stack gap="xs">
      <ErrorAlert error={save.error} title={board.active ? 'Not retired' : 'Not reactivated'} />
      <Button
        variant="default"
        w="fit-content"
        loading={save.isPending}
        leftSection={board.active ? <IconArchive size={16} /> : <IconArchiveOff size={16} />}
        onClick={() =>
          save.mutate(
            { id: board.id, patch: { active: !board.active }, version: board.version },
            {
              onSuccess: (b) =>
                notifications.show({
                  color: 'teal',
                  message: b.active ? `${b.name} is active again` : `${b.name} retired`,
                }),
            },
          )
        }
      >
        {board.active ? 'Retire board' : 'Reactivate board'}
      </Button>
    </Stack>
  );
}

function DeleteBoard({ board }: { board: CabBoardView }) {
  const remove = cabBoards.useDelete();
  return (
    <DeleteButton
      label="Delete board"
      name={board.name}
      remove={remove}
      vars={{ id: board.id, version: board.version }}
      backTo="/cab-boards"
    >
      Only a board that never reviewed a change can be deleted; retire a board with a history instead.
    </DeleteButton>
  );
}

export function CabBoardPage() {
  const { id } = useParams();
  const me = useMe();
  const board = useCabBoard(id);
  const manager = isChangeManager(me);
  return (
    <DetailPage
      query={board}
      what="board"
      back={{ to: '/cab-boards', label: 'CAB boards' }}
      header={(b) => ({
        title: b.name,
        badges: (
          <>
            <Badge variant="light">{KIND_LABELS[b.kind]}</Badge>
            <ActiveBadge active={b.active} off="Retired" />
          </>
        ),
        meta: ruleText(b, b.members.length),
      })}
    >
      {(b) => (
        <Stack maw={760}>
          <RecordEditForm
            record={b}
            resource={cabBoards}
            toDraft={toDraft}
            toBody={toBody}
            validate={validate}
            readOnly={!manager}
            what={b.name}
            saved={(x) => `${x.name} saved`}
            onReload={() => void board.refetch()}
            title="Board"
            submitLabel="Save board"
          >
            {(form) => <BoardFields form={form} />}
          </RecordEditForm>
          {manager && (
            <Group align="flex-start" justify="space-between">
              <RetireBoard board={b} />
              <DeleteBoard board={b} />
            </Group>
          )}
        </Stack>
      )}
    </DetailPage>
  );
}
