/** Sign in with email and password; readable messages for wrong passwords and throttling. */
import {
  Alert,
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
import { IconAlertTriangle, IconClockPause } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { safeReturnPath } from '../../../../src/shared/return-path.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useLogin, useSession } from '../../api/queries/auth.ts';
import { Logo } from '../../layout/Logo.tsx';
import { homePath } from '../../lib/faces.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';

function LoginError({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 429) {
    return (
      <Alert color="orange" icon={<IconClockPause size={18} />} title="Too many attempts" role="alert">
        {error.detail}
      </Alert>
    );
  }
  const title =
    error instanceof ApiError && error.status === 401 ? 'Wrong email or password' : 'Could not sign in';
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  // Only same-site paths, so a crafted link cannot send people elsewhere after signing in.
  const from = safeReturnPath(params.get('from'));

  if (session.data && !login.isPending) return <Navigate to={from ?? homePath(session.data.user)} replace />;

  const emailError = touched && !email.trim() ? 'Enter your email address' : undefined;
  const passwordError = touched && !password ? 'Enter your password' : undefined;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={420}>
        <Center mb="lg">
          <Logo />
        </Center>
        <Paper p="xl" shadow="sm" component="main">
          <Title order={1} size="h3" mb={4}>
            Sign in
          </Title>
          <Text c="dimmed" size="sm" mb="lg">
            Use your work email address and password.
          </Text>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTouched(true);
              if (!email.trim() || !password) return;
              login.mutate(
                { email: email.trim(), password },
                { onSuccess: (s) => navigate(from ?? homePath(s.user), { replace: true }) },
              );
            }}
          >
            <Stack>
              <LoginError error={login.error} />
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
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          Forgotten your password? Ask your service desk or an administrator to reset it.{' '}
          <Anchor href="/api/docs" size="xs">
            API documentation
          </Anchor>
        </Text>
      </Box>
    </Center>
  );
}
