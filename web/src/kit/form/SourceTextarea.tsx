/** A textarea for source text (a template, Markdown): monospace, and growing with what it holds. Mantine's textarea props pass through. */
import { Textarea, type TextareaProps } from '@mantine/core';

const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

export function SourceTextarea(props: Omit<TextareaProps, 'autosize' | 'styles'>) {
  return <Textarea autosize styles={MONOSPACE} {...props} />;
}
