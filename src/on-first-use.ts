/**
 * Libraries that only some requests need are loaded on first use, not at start, so an idle
 * server does not hold them (the password dictionaries alone are about 7 MB of heap). Code on an
 * asynchronous path uses `await import()`; `onFirstUse` serves the synchronous ones through the
 * library's CommonJS entry, which Node loads synchronously.
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** `make(load)` on the first call, and the value it made on every later call. */
export function onFirstUse<T>(make: (load: (name: string) => unknown) => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make(load) };
    return made.value;
  };
}
