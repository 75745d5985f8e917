/**
 * Sign in with email and password (then a TOTP code when the account uses one) or with a
 * configured identity provider; readable messages for wrong passwords, throttling and SSO failures.
 */
import {
  Anchor,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { safeReturnPath } from '../../../../src/shared/return-path.ts';
import { ApiError } from '../../api/client.ts';
import { isMfaChallenge, type MfaChallenge, useLogin, useSession } from '../../api/queries/auth.ts';
import type { Session } from '../../api/types.ts';
import { ProblemAlert } from '../../kit/form/ProblemAlert.tsx';
import { requiredError } from '../../kit/form/requiredError.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { Logo } from '../../layout/Logo.tsx';
import { homePath } from '../../lib/faces.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { RecoveryCodes } from './AuthenticatorSetup.tsx';
import { MfaStep } from './MfaStep.tsx';
import { SignInError } from './SignInError.tsx';
import { SSO_FAILURES, SsoButtons } from './SsoButtons.tsx';

const loginProblem = (error: unknown) =>
  error instanceof ApiError && error.status === 401 ? 'Wrong email or password' : 'Could not sign in';

function SsoFailure({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <ProblemAlert title="Single sign-on failed" mb="md">
      {SSO_FAILURES[reason] ?? SSO_FAILURES.refused}
    </ProblemAlert>
  );
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [codes, setCodes] = useState<{ codes: string[]; session: Session } | null>(null);
  // Only same-site paths, so a crafted link cannot send people elsewhere after signing in.
  const from = safeReturnPath(params.get('from'));
  const done = (s: Session) => navigate(from ?? homePath(s.user), { replace: true });

  // Between the password and the code (and while showing new recovery codes) stay on this page.
  if (session.data && !challenge && !codes)
    return <Navigate to={from ?? homePath(session.data.user)} replace />;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={420}>
        <Center mb="lg">
          <Logo />
        </Center>
        <Paper p="xl" shadow="sm" component="main">
          {codes ? (
            <RecoveryCodes codes={codes.codes} doneLabel="Continue" onDone={() => done(codes.session)} />
          ) : challenge ? (
            <MfaStep
              challenge={challenge}
              onRestart={() => setChallenge(null)}
              onSignedIn={(s, recovery) => (recovery ? setCodes({ codes: recovery, session: s }) : done(s))}
            />
          ) : (
            <PasswordStep
              from={from}
              onChallenge={setChallenge}
              onSignedIn={done}
              ssoFailure={params.get('sso')}
            />
          )}
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          Forgotten your password? Ask your service desk or an administrator to reset it.{' '}
          <Anchor href="/api/docs" size="xs" underline="always">
            API documentation
          </Anchor>
        </Text>
      </Box>
    </Center>
  );
}

function PasswordStep({
  from,
  ssoFailure,
  onChallenge,
  onSignedIn,
}: {
  from: string | null;
  ssoFailure: string | null;
  onChallenge: (c: MfaChallenge) => void;
  onSignedIn: (s: Session) => void;
}) {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const emailError = requiredError(touched, email, 'Enter your email address');
  const passwordError = touched && !password ? 'Enter your password' : undefined;

  return (
    <>
      <Title order={1} size="h3" mb={4}>
        Sign in
      </Title>
      <Text c="dimmed" size="sm" mb="lg">
        Use your work email address and password.
      </Text>
      <SsoFailure reason={ssoFailure} />
      <SubmitForm
        onSubmit={() => {
          setTouched(true);
          if (!email.trim() || !password) return;
          login.mutate(
            { email: email.trim(), password },
            { onSuccess: (s) => (isMfaChallenge(s) ? onChallenge(s) : onSignedIn(s)) },
          );
        }}
      >
        <Stack>
          <SignInError error={login.error} title={loginProblem(login.error)} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={emailError}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </SubmitForm>
      <SsoButtons returnTo={from} />
    </>
  );
}
