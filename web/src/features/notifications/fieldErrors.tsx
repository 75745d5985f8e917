/** An API error with its field messages, for forms whose fields are checked by the server. */
import { List } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/States.tsx';

export function ApiErrorAlert({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <>
      <ErrorAlert error={error} title={title} />
      {fields.length > 0 && (
        <List size="sm" c="red.8" mt={4} aria-label="Problems">
          {fields.map((f) => (
            <List.Item key={`${f.field}:${f.message}`}>
              {f.field}: {f.message}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
