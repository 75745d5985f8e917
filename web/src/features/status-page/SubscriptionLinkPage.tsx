/** Where the mailed links land: confirming a subscription, or ending one (`/status/confirm`, `/status/unsubscribe`). */
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/States.tsx';
import { PublicStatusFrame } from './PublicStatusPage.tsx';
import { confirmOrUnsubscribe } from './queries.ts';

export function SubscriptionLinkPage({ what }: { what: 'confirm' | 'unsubscribe' }) {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ email?: string; error?: unknown; pending?: boolean }>({});
  const verb = what === 'confirm' ? 'Confirm the subscription' : 'Unsubscribe';
  return (
    <PublicStatusFrame>
      <Stack gap="md" maw={520}>
        {state.email ? (
          <Alert color="green" title={what === 'confirm' ? 'Subscribed' : 'Unsubscribed'}>
            {what === 'confirm'
              ? `${state.email} will now receive status updates.`
              : `${state.email} will receive no more status updates.`}
          </Alert>
        ) : (
          <>
            <Text>
              {what === 'confirm'
                ? 'Confirm that you want status updates by e-mail.'
                : 'Stop receiving status updates by e-mail.'}
            </Text>
            <Button
              w="fit-content"
              loading={state.pending}
              disabled={!token}
              onClick={() => {
                setState({ pending: true });
                confirmOrUnsubscribe(what, token)
                  .then((r) => setState({ email: r.email }))
                  .catch((error: unknown) => setState({ error }));
              }}
            >
              {verb}
            </Button>
            {state.error !== undefined && <ErrorAlert error={state.error} title="That did not work" />}
          </>
        )}
        <Anchor href="/status">Back to the status page</Anchor>
      </Stack>
    </PublicStatusFrame>
  );
}
