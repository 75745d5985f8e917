/** Create a configuration item; the class chosen decides its attributes. */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCiClasses, useCreateCi } from '../../api/queries/cmdb.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import { CiForm, ciCreateBody, emptyDraft } from './CiForm.tsx';
import { ciPath } from './shared.tsx';

export function CiNewPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const classes = useCiClasses();
  const create = useCreateCi();
  const [draft, setDraft] = useState(() => emptyDraft(params.get('class')));
  if (classes.isPending) return <PageLoader label="Loading classes" />;
  if (classes.isError) return <ErrorState error={classes.error} onRetry={() => classes.refetch()} />;
  const cls = classes.data.find((c) => c.key === draft.classKey);
  return (
    <>
      <PageHeader
        title="New configuration item"
        description="Choose its class first: the class decides its attributes."
      />
      <CiForm
        draft={draft}
        onChange={setDraft}
        classes={classes.data}
        creating
        readOnly={false}
        error={create.error}
        saving={create.isPending}
        dirty
        submitLabel="Create CI"
        onSubmit={() =>
          create.mutate(ciCreateBody(draft, cls), {
            onSuccess: (ci) => {
              notifications.show({ color: 'teal', message: `${ci.name} created` });
              navigate(ciPath(ci.id));
            },
          })
        }
      />
    </>
  );
}
