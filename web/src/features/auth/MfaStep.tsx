/** The second sign-in step: the code from the authenticator app (enrolling first when policy says so). */
import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type MfaChallenge, useVerifyMfa } from '../../api/queries/auth.ts';
import type { Session } from '../../api/types.ts';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { AuthenticatorSetup } from './AuthenticatorSetup.tsx';
import { SignInError } from './SignInError.tsx';

export function MfaStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: MfaChallenge;
  onSignedIn: (s: Session, recoveryCodes: string[] | null) => void;
  onRestart: () => void;
}) {
  const verify = useVerifyMfa();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const expired = verify.error instanceof ApiError && verify.error.code === 'auth.unauthenticated';
  return (
    <Stack>
      <Title order={1} size="h3">
        Two-step verification
      </Title>
      {challenge.enrol ? (
        <>
          <Text size="sm">Your role requires two-step verification. Set it up now to finish signing in.</Text>
          <AuthenticatorSetup enrolment={challenge.enrol} />
        </>
      ) : (
        <Text c="dimmed" size="sm">
          Enter the 6-digit code from your authenticator app, or one of your recovery codes.
        </Text>
      )}
      <SubmitForm
        onSubmit={() => {
          setTouched(true);
          if (!code.trim()) return;
          verify.mutate(
            { challenge: challenge.challenge, code: code.trim() },
            { onSuccess: (s) => onSignedIn(s, s.recoveryCodes) },
          );
        }}
      >
        <Stack>
          <SignInError error={verify.error} title="Not signed in" />
          <TextInput
            label="Verification code"
            autoComplete="one-time-code"
            autoFocus
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={requiredError(touched, code, 'Enter the code from your app')}
          />
          <Button type="submit" loading={verify.isPending} disabled={expired} fullWidth>
            Verify
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onRestart}>
            Start again with email and password
          </Anchor>
        </Stack>
      </SubmitForm>
    </Stack>
  );
}
