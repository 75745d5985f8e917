/**
 * A section of the workspace navigation whose entries do not depend on who is signed in: declared
 * once as data at module level, shown by the component this returns.
 */
import { type NavEntry, NavSection } from './NavSection.tsx';

export function fixedNavSection(title: string, items: NavEntry[]) {
  // biome-ignore lint/correctness/noComponentHookFactories: called once per section at module level, so each component is stable
  return function FixedNavSection({ pathname }: { pathname: string }) {
    return <NavSection title={title} pathname={pathname} items={items} />;
  };
}
