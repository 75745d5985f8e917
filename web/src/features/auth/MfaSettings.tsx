/** The profile's two-step verification panel: set up an authenticator, replace recovery codes, turn off. */
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  type MfaEnrolment,
  type MfaStatus,
  useBeginMfaEnrolment,
  useConfirmMfaEnrolment,
  useDisableMfa,
  useMfaStatus,
  useReplaceRecoveryCodes,
} from '../../api/queries/auth.ts';
import { ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { AuthenticatorSetup, RecoveryCodes } from './AuthenticatorSetup.tsx';

function CodeField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  return (
    <TextInput
      label={label}
      autoComplete="one-time-code"
      maw={240}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

function Enrol({ enrolment, onDone }: { enrolment: MfaEnrolment; onDone: (codes: string[]) => void }) {
  const confirm = useConfirmMfaEnrolment();
  const [code, setCode] = useState('');
  return (
    <SubmitForm
      onSubmit={() => {
        if (code.trim()) confirm.mutate(code.trim(), { onSuccess: (r) => onDone(r.recoveryCodes) });
      }}
    >
      <Stack>
        <AuthenticatorSetup enrolment={enrolment} />
        <ErrorAlert error={confirm.error} title="Not turned on" />
        <CodeField
          label="Verification code"
          value={code}
          onChange={setCode}
          error={fieldErrorsOf(confirm.error).code}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            Turn on
          </Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}

function Manage({ status, onCodes }: { status: MfaStatus; onCodes: (codes: string[]) => void }) {
  const replace = useReplaceRecoveryCodes();
  const disable = useDisableMfa();
  const [code, setCode] = useState('');
  const error = replace.error ?? disable.error;
  return (
    <Stack>
      <Text size="sm">
        {status.recoveryCodesLeft} of 10 recovery codes left. Enter a current code from your app to replace
        them{status.required ? '' : ' or to turn two-step verification off'}.
      </Text>
      <ErrorAlert error={error} title="Not changed" />
      <CodeField label="Current code" value={code} onChange={setCode} error={fieldErrorsOf(error).code} />
      <Group>
        <Button
          variant="default"
          loading={replace.isPending}
          disabled={!code.trim()}
          onClick={() => replace.mutate(code.trim(), { onSuccess: (r) => onCodes(r.recoveryCodes) })}
        >
          Replace recovery codes
        </Button>
        {status.required ? null : (
          <Button
            color="red"
            variant="light"
            loading={disable.isPending}
            disabled={!code.trim()}
            onClick={() =>
              disable.mutate(code.trim(), {
                onSuccess: () =>
                  notifications.show({ color: 'teal', message: 'Two-step verification turned off' }),
              })
            }
          >
            Turn off
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function MfaSettings() {
  const status = useMfaStatus();
  const begin = useBeginMfaEnrolment();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (status.isPending) return <PageLoader label="Loading two-step verification" />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  const s = status.data;
  return (
    <Paper p="lg" maw={720} mt="lg" component="section" aria-labelledby="mfa-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="mfa-title">
          Two-step verification
        </Title>
        <Badge color={s.enabled ? 'teal' : 'gray'}>{s.enabled ? 'On' : 'Off'}</Badge>
      </Group>
      {codes ? (
        <RecoveryCodes codes={codes} doneLabel="Done" onDone={() => setCodes(null)} />
      ) : !s.localAccount ? (
        <Text size="sm">
          You sign in through single sign-on; your identity provider asks for the second step.
        </Text>
      ) : s.enabled ? (
        <Manage status={s} onCodes={setCodes} />
      ) : begin.data ? (
        <Enrol
          enrolment={begin.data}
          onDone={(c) => {
            begin.reset();
            setCodes(c);
          }}
        />
      ) : (
        <Stack>
          <Text size="sm">
            {s.required
              ? 'Your role requires a code from an authenticator app at every sign-in.'
              : 'Ask for a code from an authenticator app at every sign-in, on top of your password.'}
          </Text>
          <ErrorAlert error={begin.error} title="Could not start" />
          <Group>
            <Button loading={begin.isPending} onClick={() => begin.mutate()}>
              Set up two-step verification
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
