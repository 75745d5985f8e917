/** Why a sign-in step failed: throttling in orange (wait, then try again), anything else under `title`. */
import { Alert } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { ProblemAlert } from '../../kit/form/ProblemAlert.tsx';

export function SignInError({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 429) {
    return (
      <Alert color="orange" icon={<IconClockPause size={18} />} title="Too many attempts" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  }
  return <ProblemAlert title={title}>{errorMessage(error)}</ProblemAlert>;
}
