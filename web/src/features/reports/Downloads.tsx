/** A report's download buttons, one a format, each a link to the report's export with the page's filters. */
import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { reportHref } from '../../api/queries/reports.ts';

export function Downloads({
  path,
  query,
  formats,
}: {
  path: string;
  query: Record<string, string>;
  formats: string[];
}) {
  return (
    <Group gap="xs">
      {formats.map((format) => (
        <Button
          key={format}
          component="a"
          href={reportHref(path, { ...query, format })}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
