/** The QR code and key of a new TOTP secret, and the one-time recovery codes after enrolment. */
import { Alert, Button, Code, Group, Image, List, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { MfaEnrolment } from '../../api/queries/auth.ts';

export function AuthenticatorSetup({ enrolment }: { enrolment: MfaEnrolment }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        Scan this QR code with an authenticator app (for example Google Authenticator, Microsoft
        Authenticator, 1Password or Aegis), then enter the 6-digit code it shows.
      </Text>
      <Image src={enrolment.qrDataUrl} alt="QR code for your authenticator app" w={200} h={200} />
      <Text size="xs" c="dimmed">
        Cannot scan? Enter this key in the app instead:
      </Text>
      <Code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
        {enrolment.secret}
      </Code>
    </Stack>
  );
}

/** Shown once: the codes are stored only as hashes, so Steward cannot show them again. */
export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Stack>
      <Alert color="yellow" icon={<IconKey size={18} />} title="Save your recovery codes">
        Each code signs you in once if you lose your authenticator. Keep them somewhere safe: they are shown
        only now.
      </Alert>
      <List spacing={2} aria-label="Recovery codes" listStyleType="none">
        {codes.map((c) => (
          <List.Item key={c}>
            <Code>{c}</Code>
          </List.Item>
        ))}
      </List>
      <Group>
        <Button
          variant="default"
          onClick={() =>
            void navigator.clipboard?.writeText(codes.join('\n')).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy codes'}
        </Button>
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
}
