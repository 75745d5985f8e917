/** The announcements meant for the signed-in person, each dismissible; shown in the workspace and the portal. */
import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconSpeakerphone } from '@tabler/icons-react';
import { errorMessage } from '../../api/client.ts';
import { type AnnouncementView, useCurrentAnnouncements, useDismissAnnouncement } from './queries.ts';

const LOOK: Record<AnnouncementView['severity'], { color: string; icon: typeof IconInfoCircle }> = {
  info: { color: 'blue', icon: IconInfoCircle },
  warning: { color: 'yellow', icon: IconSpeakerphone },
  critical: { color: 'red', icon: IconAlertTriangle },
};

export function AnnouncementBanner() {
  const current = useCurrentAnnouncements();
  const dismiss = useDismissAnnouncement();
  const items = current.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" component="section" aria-label="Announcements">
      {items.map((a) => {
        const { color, icon: Icon } = LOOK[a.severity];
        return (
          <Alert
            key={a.id}
            color={color}
            icon={<Icon size={18} />}
            title={a.title}
            withCloseButton
            closeButtonLabel={`Dismiss “${a.title}”`}
            onClose={() => dismiss.mutate(a.id)}
          >
            {a.body && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.body}
              </Text>
            )}
          </Alert>
        );
      })}
      {dismiss.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(dismiss.error)}
        </Text>
      )}
    </Stack>
  );
}
