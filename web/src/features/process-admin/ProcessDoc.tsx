/**
 * A process's versioned settings document (lifecycle, categories) in its editor: loaded first,
 * then edited from a fresh copy of each saved version, so a save or a reload after a conflict
 * starts the editor over.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { ProcessKey } from '../../api/queries/process.ts';
import { Loaded } from '../../kit/detail/Loaded.tsx';

export type DocEditorProps<D> = {
  process: ProcessKey;
  doc: D;
  canEdit: boolean;
  onReload: () => void;
};

/** The panel for one process: `useDoc` loads the document, `Editor` edits it. */
export function processDocPanel<D extends { version: number }>(
  useDoc: (process: ProcessKey) => UseQueryResult<D>,
  label: string,
  Editor: ComponentType<DocEditorProps<D>>,
) {
  return function ProcessDocPanel({ process, canEdit }: { process: ProcessKey; canEdit: boolean }) {
    return (
      <Loaded query={useDoc(process)} label={label} resetKey={(d) => `${process}-${d.version}`}>
        {(doc, reload) => <Editor process={process} doc={doc} canEdit={canEdit} onReload={reload} />}
      </Loaded>
    );
  };
}
