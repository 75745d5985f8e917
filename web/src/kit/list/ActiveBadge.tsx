/** Whether a row is in use (teal) or not (grey), in the row's own words ("Offered", "Withdrawn"). */
import { Badge, type MantineSize } from '@mantine/core';

export function ActiveBadge({
  active,
  on = 'Active',
  off = 'Inactive',
  size,
}: {
  active: boolean;
  on?: string;
  off?: string;
  size?: MantineSize;
}) {
  return (
    <Badge variant="light" color={active ? 'teal' : 'gray'} size={size}>
      {active ? on : off}
    </Badge>
  );
}
