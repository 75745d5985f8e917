/** Create a configuration item; the class chosen decides its attributes. */
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type CiClass, cis, useCiClasses } from '../../api/queries/cmdb.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { Section } from '../../kit/detail/Section.tsx';
import { SaveForm } from '../../kit/form/SaveForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { CiFields, ciBody, emptyDraft, validateCi } from './CiForm.tsx';
import { ciPath } from './shared.tsx';

function NewCiForm({ classes, classKey }: { classes: CiClass[]; classKey: string | null }) {
  const navigate = useNavigate();
  const create = cis.useCreate();
  const form = useDraftForm(emptyDraft(classKey), {
    toBody: (d) =>
      ciBody(
        d,
        classes.find((c) => c.key === d.classKey),
        true,
      ),
    validate: validateCi,
    error: create.error,
  });
  return (
    <Section label="CI details">
      <SaveForm
        form={form}
        save={create}
        what="this CI"
        submitLabel="Create CI"
        onSubmit={() =>
          create.mutate(form.body, {
            onSuccess: (ci) => {
              notifications.show({ color: 'teal', message: `${ci.name} created` });
              navigate(ciPath(ci.id));
            },
          })
        }
      >
        <CiFields form={form} classes={classes} creating />
      </SaveForm>
    </Section>
  );
}

export function CiNewPage() {
  const [params] = useSearchParams();
  const classes = useCiClasses();
  return (
    <Loaded query={classes} label="Loading classes">
      {(data) => (
        <>
          <PageHeader
            title="New configuration item"
            description="Choose its class first: the class decides its attributes."
          />
          <NewCiForm classes={data} classKey={params.get('class')} />
        </>
      )}
    </Loaded>
  );
}
