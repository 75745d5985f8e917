/** Personal API tokens: create (shown once, with a copy button), list and revoke. */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../../api/queries/admin.ts';
import { type ApiToken, type CreatedToken, TOKEN_SCOPES, type TokenScope } from '../../api/types.ts';
import { TagBadges } from '../../components/Badges.tsx';
import { EmptyState, ErrorAlert } from '../../components/States.tsx';
import { ConfirmButton } from '../../kit/detail/ConfirmButton.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { TablePage } from '../../kit/list/TablePage.tsx';
import { NewDialogButton } from '../../kit/nav/NewDialogButton.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { Time } from '../../lib/time.tsx';

const SCOPE_HELP: Record<TokenScope, string> = {
  read: 'Read: list and read records',
  write: 'Write: create and change records',
  admin: 'Admin: manage users, groups, settings and tokens (only what your roles allow)',
};
const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

function statusOf(t: ApiToken): { label: string; color: string } {
  if (t.revokedAt) return { label: 'Revoked', color: 'gray' };
  if (t.expiresAt && new Date(t.expiresAt).getTime() < Date.now())
    return { label: 'Expired', color: 'orange' };
  return { label: 'Active', color: 'teal' };
}

function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [expiry, setExpiry] = useState('90');
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const server = fieldErrorsOf(create.error);

  if (created) {
    return (
      <Modal opened onClose={onClose} title="Your new API token" size="lg" closeOnClickOutside={false}>
        <Stack>
          <Alert color="orange" title="Copy it now" role="status">
            This is the only time the token is shown. Store it in a password manager or secret store.
          </Alert>
          <Group wrap="nowrap" gap="xs">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
              {created.token}
            </Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy token'}>
                  <ActionIcon
                    variant="light"
                    size="lg"
                    color={copied ? 'teal' : undefined}
                    onClick={copy}
                    aria-label={copied ? 'Copied' : 'Copy token'}
                  >
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Use it as <Code>Authorization: Bearer &lt;token&gt;</Code> with the REST API.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <FormDialog
      title="New API token"
      onClose={onClose}
      onSubmit={() => {
        setTouched(true);
        if (!name.trim() || scopes.length === 0) return;
        create.mutate(
          {
            name: name.trim(),
            scopes,
            ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
          },
          { onSuccess: setCreated },
        );
      }}
      submitLabel="Create token"
      pending={create.isPending}
      icon={<IconKey size={16} />}
    >
      <ErrorAlert error={create.error} title="The token was not created" />
      <TextInput
        label="Name"
        description="What the token is for, e.g. “Monitoring integration”"
        required
        maxLength={LIMITS.tokenNameMax}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={requiredError(touched, name, 'Enter a name') ?? server.name}
      />
      <Checkbox.Group
        label="Scopes"
        required
        value={scopes}
        onChange={(v) => setScopes(v as TokenScope[])}
        error={(touched && scopes.length === 0 ? 'Choose at least one scope' : undefined) ?? server.scopes}
      >
        <Stack gap={6} mt={6}>
          {TOKEN_SCOPES.map((s) => (
            <Checkbox key={s} value={s} label={SCOPE_HELP[s]} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Select
        label="Expires after"
        data={EXPIRY}
        value={expiry}
        onChange={(v) => setExpiry(v ?? '90')}
        allowDeselect={false}
        error={server.expiresInDays}
      />
    </FormDialog>
  );
}

function RevokeButton({ token }: { token: ApiToken }) {
  const revoke = useRevokeToken();
  return (
    <ConfirmButton
      size="xs"
      label="Revoke"
      aria-label={`Revoke ${token.name}`}
      title={`Revoke “${token.name}”?`}
      confirmLabel="Revoke token"
      errorTitle="Not revoked"
      mutation={revoke}
      vars={token.id}
      onDone={() => notifications.show({ color: 'teal', message: `Token “${token.name}” revoked` })}
    >
      Programs using this token will stop working immediately. This cannot be undone.
    </ConfirmButton>
  );
}

export function TokensPage() {
  const tokens = useTokens();
  return (
    <TablePage
      title="API tokens"
      description="Personal tokens for scripts and integrations. They act as you, limited to the scopes you choose."
      actions={
        <NewDialogButton dialog={(close) => <CreateTokenModal onClose={close} />}>New token</NewDialogButton>
      }
      query={tokens}
      label="Loading tokens"
      empty={
        <EmptyState title="No API tokens">Create one to use the REST API from scripts and tools.</EmptyState>
      }
      minWidth={760}
      verticalSpacing="sm"
      aria-label="API tokens"
      columns={[
        'Name',
        'Token',
        'Scopes',
        'Created',
        'Expires',
        'Last used',
        'Status',
        { label: 'Actions', hidden: true },
      ]}
      cells={(t) => {
        const status = statusOf(t);
        return (
          <>
            <Table.Td>
              <Text size="sm" fw={600}>
                {t.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Code>{t.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <TagBadges tags={t.scopes} color="gray" />
            </Table.Td>
            <Table.Td>
              <Time iso={t.createdAt} size="sm" />
            </Table.Td>
            <Table.Td>
              <Time iso={t.expiresAt} size="sm" mode="absolute" fallback="Never" />
            </Table.Td>
            <Table.Td>
              <Time iso={t.lastUsedAt} size="sm" fallback="Never" />
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={status.color}>
                {status.label}
              </Badge>
            </Table.Td>
            <Table.Td>{status.label === 'Active' && <RevokeButton token={t} />}</Table.Td>
          </>
        );
      }}
    />
  );
}
