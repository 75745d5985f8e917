/**
 * A problem in the page's own words (answers that need attention, a save the server refused for
 * reasons listed in the body): red, with the warning sign, announced as soon as it shows. For a
 * failed request's own message use ErrorAlert.
 */
import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export function ProblemAlert(props: Omit<AlertProps, 'color' | 'icon' | 'role'>) {
  return <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" {...props} />;
}
