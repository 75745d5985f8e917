/** "Sign in with …" for each configured identity provider; a plain link, so the browser leaves for it. */
import { Button, Divider, Stack } from '@mantine/core';
import { IconLogin2 } from '@tabler/icons-react';
import { useSignInProviders } from '../../api/queries/auth.ts';

export function SsoButtons({ returnTo }: { returnTo: string | null }) {
  const providers = useSignInProviders();
  const list = providers.data?.oidc ?? [];
  if (!list.length) return null;
  const suffix = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
  return (
    <Stack gap="xs" mt="lg">
      <Divider label="or" labelPosition="center" />
      {list.map((p) => (
        <Button
          key={p.id}
          component="a"
          href={`${p.startUrl}${suffix}`}
          variant="default"
          leftSection={<IconLogin2 size={18} />}
          fullWidth
        >
          Sign in with {p.label}
        </Button>
      ))}
    </Stack>
  );
}

/** Why single sign-on sent the person back (the reason the server put in ?sso=). */
export const SSO_FAILURES: Record<string, string> = {
  expired: 'The sign-in took too long or was already used. Please try again.',
  refused: 'The identity provider did not accept the sign-in. Please try again.',
  forbidden: 'Your account may not sign in to Steward this way. Ask your service desk or an administrator.',
  unknown: 'That sign-in provider is not configured.',
  unavailable: 'The identity provider cannot be reached right now. Try again later.',
};
