/** Why a settings save was refused: someone else's change (412), or the server's list of problems. */
import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { StaleAlert } from '../../kit/form/StaleAlert.tsx';

/** The problems of a refused save, one per line; the detail when the server named none. */
export function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.isStale) return [];
  const listed = error.fieldErrors.map((e) => {
    const field = e.field.replace(/^body\./, '');
    // Lifecycle problems name their state or transition themselves.
    const whole =
      ['lifecycle', 'raci', 'categories', 'matrix'].includes(field) || field.startsWith('lifecycle.');
    const msg = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    return whole || field === '' ? msg : `${field}: ${msg}`;
  });
  return listed.length > 0 ? listed : [error.detail];
}

export function SaveProblems({
  error,
  what,
  title,
  onReload,
}: {
  error: unknown;
  /** "The incident lifecycle", for the someone-else-changed-it message. */
  what: string;
  title: string;
  onReload: () => void;
}) {
  if (!error) return null;
  if (error instanceof ApiError && error.isStale) return <StaleAlert what={what} onReload={onReload} />;
  if (!(error instanceof ApiError) || error.status !== 422) return <ErrorAlert error={error} title={title} />;
  const problems = problemsOf(error);
  return (
    <Alert color="red" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      <List size="sm" spacing={2}>
        {problems.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
