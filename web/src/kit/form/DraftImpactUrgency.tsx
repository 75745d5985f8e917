/** Impact and urgency bound to a draft form whose draft keeps them as the selects' strings. */
import { ImpactUrgencyFields } from './NewRecordForm.tsx';
import type { DraftForm } from './useDraftForm.ts';

export function DraftImpactUrgency<D extends { impact: string; urgency: string }, B extends object>({
  form,
  allowDeselect,
}: {
  form: DraftForm<D, B>;
  allowDeselect?: boolean;
}) {
  return (
    <ImpactUrgencyFields
      impact={form.draft.impact}
      urgency={form.draft.urgency}
      onImpact={(v) => form.set('impact', v as D['impact'])}
      onUrgency={(v) => form.set('urgency', v as D['urgency'])}
      errors={form.errors}
      allowDeselect={allowDeselect}
    />
  );
}
