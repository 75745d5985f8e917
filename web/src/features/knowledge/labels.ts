/** Labels and colours of the knowledge base, from the server's own tables. */
import { AUDIENCE_LABELS } from '../../../../src/domain/knowledge/audience.ts';
import { LANGUAGE_LABELS } from '../../../../src/domain/knowledge/language.ts';
import { ARTICLE_STATE_LABELS } from '../../../../src/domain/knowledge/workflow.ts';

export { ARTICLE_STATE_LABELS, AUDIENCE_LABELS, LANGUAGE_LABELS };

export const STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  in_review: 'orange',
  published: 'teal',
  retired: 'dark',
};

export const AUDIENCE_COLORS: Record<string, string> = {
  internal: 'grape',
  requesters: 'blue',
  customers: 'cyan.9',
};

export const articlePath = (number: string, portal = false) =>
  portal ? `/portal/knowledge/${number}` : `/knowledge/${number}`;
