import type { InboundStatus } from '../../api/queries/inboundMail.ts';

export const STATUS_COLOR: Record<InboundStatus, string> = {
  received: 'gray',
  created: 'teal',
  commented: 'blue',
  ignored: 'gray',
  bounced: 'orange',
  refused: 'yellow',
  failed: 'red',
};

export const STATUS_LABEL: Record<InboundStatus, string> = {
  received: 'Waiting',
  created: 'New record',
  commented: 'Comment',
  ignored: 'Ignored',
  bounced: 'Bounce',
  refused: 'Refused',
  failed: 'Failed',
};
