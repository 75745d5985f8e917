/** A page for the route map: a named export of a module, loaded on first visit. */
import { type ComponentType, lazy } from 'react';

export const lazyPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
