/** The Steward look: Mantine defaults with a calm blue, compact tables and readable type. */
import { type CSSVariablesResolver, createTheme, darken } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Badge: {
      defaultProps: { radius: 'sm' },
      // A badge beside text in a row is never squeezed below its label (a state cut to "N…" says
      // nothing): the text beside it gives way, or the row wraps.
      styles: { root: { textTransform: 'none', fontWeight: 600, flexShrink: 0 } },
    },
    Tooltip: { defaultProps: { withinPortal: true } },
    // A table wider than the screen scrolls within itself; its region takes keyboard focus, so
    // the arrow keys scroll it too.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
    // Every dialog's close button says what it does to a screen reader.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
  },
});

/**
 * WCAG AA contrast in the light scheme: Mantine's dimmed grey and the "light" variant text
 * (shade 9 on shade 1, used by badges, light buttons and active nav links) fall below 4.5:1 for
 * several palettes, so both are darkened.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': '#5c6370' };
  for (const [name, shades] of Object.entries(t.colors)) {
    const nine = shades[9];
    if (name === 'gray' || name === 'dark' || !nine) continue;
    light[`--mantine-color-${name}-light-color`] = darken(nine, 0.3);
  }
  return { variables: {}, light, dark: {} };
};
