/** The planned window and the plans of a change, as the new-change form and the plan panel edit them. */
import { Group, Textarea } from '@mantine/core';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { DateTimeInput } from '../../kit/form/DateTimeInput.tsx';

export type PlanDraft = { start: string; end: string; impl: string; backout: string; test: string };

type Props = {
  draft: PlanDraft;
  onChange: (next: PlanDraft) => void;
  errors: Record<string, string | undefined>;
  readOnly?: boolean;
  /** Show the plan text fields (a standard change takes its template's). */
  plans?: boolean;
  endDescription?: string | undefined;
};

export function PlanFields({
  draft,
  onChange,
  errors,
  readOnly = false,
  plans = true,
  endDescription,
}: Props) {
  const text = (key: 'impl' | 'backout' | 'test', label: string, minRows: number) => (
    <Textarea
      label={label}
      autosize
      minRows={minRows}
      readOnly={readOnly}
      maxLength={LIMITS.descriptionMax}
      value={draft[key]}
      onChange={(e) => onChange({ ...draft, [key]: e.currentTarget.value })}
    />
  );
  return (
    <>
      <Group grow>
        <DateTimeInput
          label="Planned start"
          readOnly={readOnly}
          value={draft.start}
          onChange={(start) => onChange({ ...draft, start })}
          error={errors.plannedStart}
        />
        <DateTimeInput
          label="Planned end"
          description={endDescription}
          readOnly={readOnly}
          value={draft.end}
          onChange={(end) => onChange({ ...draft, end })}
          error={errors.plannedEnd}
        />
      </Group>
      {plans && (
        <>
          {text('impl', 'Implementation plan', 2)}
          {text('backout', 'Back-out plan', 2)}
          {text('test', 'Test plan', 1)}
        </>
      )}
    </>
  );
}
