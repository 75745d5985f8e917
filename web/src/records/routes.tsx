/** A record type's workspace routes from the registry (called, not rendered): its queue, its "new" form, a record. */
import type { ComponentType } from 'react';
import { Route } from 'react-router-dom';
import { type RecordTypeKey, recordTypes } from './registry.ts';

export function recordTypeRoutes(type: RecordTypeKey, Queue: ComponentType, NewPage?: ComponentType) {
  const t = recordTypes[type];
  return (
    <>
      <Route path={t.route} element={<Queue />} />
      {NewPage && <Route path={`${t.route}/new`} element={<NewPage />} />}
      <Route path={`${t.route}/:ref`} element={<t.pages.record />} />
    </>
  );
}
