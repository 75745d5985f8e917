/**
 * The terms a requirement and an agreement share, as form state: the name, the customer, the
 * calendar the targets count in, the targets, the availability target and the obligations. Both
 * forms need a name and a calendar; `submitted()` marks the form tried and gives the terms to send,
 * or null while one of the two is missing (the fields then say so through `nameError` and
 * `calendarError`).
 */
import { useState } from 'react';
import type { RequirementInput, Target } from '../../api/queries/serviceLevels.ts';
import { requiredError } from '../../kit/form/requiredError.ts';
import { completeTargets } from './TargetsEditor.tsx';

export type Terms = RequirementInput;

/** The terms' fields, as the server names them in a problem. */
export const TERM_FIELDS = [
  'name',
  'customerId',
  'calendarId',
  'targets',
  'availabilityTarget',
  'obligations',
] as const satisfies readonly (keyof Terms)[];

type SavedTerms = {
  name: string;
  customer: { id: string } | null;
  calendar: { id: string };
  targets: Target[];
  availabilityTarget: number | null;
  obligations: string;
};

/** `saved`: the requirement or agreement being changed; `newCustomerId`: the customer of a new one. */
export function useTermsDraft(saved: SavedTerms | undefined, newCustomerId: string | null = null) {
  const [name, setName] = useState(saved?.name ?? '');
  const [customerId, setCustomerId] = useState<string | null>(
    saved ? (saved.customer?.id ?? null) : newCustomerId,
  );
  const [calendarId, setCalendarId] = useState<string | null>(saved?.calendar.id ?? null);
  const [targets, setTargets] = useState<Target[]>(completeTargets(saved?.targets ?? []));
  const [availability, setAvailability] = useState<number | string>(saved?.availabilityTarget ?? '');
  const [obligations, setObligations] = useState(saved?.obligations ?? '');
  const [touched, setTouched] = useState(false);
  return {
    name,
    setName,
    customerId,
    setCustomerId,
    calendarId,
    setCalendarId,
    targets,
    setTargets,
    availability,
    setAvailability,
    obligations,
    setObligations,
    /** Whether the form was tried: required fields say they are missing from then on. */
    touched,
    nameError: requiredError(touched, name, 'Enter a name'),
    calendarError: requiredError(touched, calendarId, 'Choose a business calendar'),
    submitted(): Terms | null {
      setTouched(true);
      if (!name.trim() || !calendarId) return null;
      return {
        name: name.trim(),
        customerId,
        calendarId,
        targets,
        availabilityTarget: availability === '' ? null : Number(availability),
        obligations,
      };
    },
  };
}
