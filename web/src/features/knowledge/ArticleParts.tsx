/** Pieces every knowledge page shares: the rendered article body, state and audience badges, a snippet. */
import { Badge, Text, Typography } from '@mantine/core';
import { ARTICLE_STATE_LABELS, AUDIENCE_COLORS, AUDIENCE_LABELS, STATE_COLORS } from './labels.ts';

/** The body as the server rendered it from Markdown and sanitised it. */
export function ArticleHtml({ html, label }: { html: string; label?: string }) {
  return (
    <Typography>
      <section
        aria-label={label ?? 'Article text'}
        className="kb-article"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitises article HTML (sanitize-html)
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Typography>
  );
}

/** A search snippet: escaped text with the matches in <mark>, built by the server. */
export function Snippet({ html }: { html: string }) {
  return (
    <Text size="sm" c="dimmed" component="div" lineClamp={3}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped by the server, only <mark> is markup */}
      <span dangerouslySetInnerHTML={{ __html: html }} />
    </Text>
  );
}

export function ArticleStateBadge({ state }: { state: string }) {
  return (
    <Badge variant="light" color={STATE_COLORS[state] ?? 'gray'}>
      {ARTICLE_STATE_LABELS[state as keyof typeof ARTICLE_STATE_LABELS] ?? state}
    </Badge>
  );
}

export function AudienceBadge({ audience }: { audience: string }) {
  return (
    <Badge variant="outline" color={AUDIENCE_COLORS[audience] ?? 'gray'}>
      {AUDIENCE_LABELS[audience as keyof typeof AUDIENCE_LABELS] ?? audience}
    </Badge>
  );
}
