/**
 * The terms a requirement and an agreement share, as form state: the name, the customer, the
 * calendar the targets count in, the targets, the availability target and the obligations. Both
 * forms need a name and a calendar; `submitted()` marks the form tried and gives the terms to send,
 * or null while one of the two is missing (their fields then say so).
 */
import { useState } from 'react';
import type { RequirementInput, Target } from '../../api/queries/serviceLevels.ts';
import { requiredError } from '../../kit/form/requiredError.ts';
import { rootErrors } from './problems.ts';
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
  const nameError = requiredError(touched, name, 'Enter a name');
  const calendarError = requiredError(touched, calendarId, 'Choose a business calendar');
  return {
    /** Whether the form was tried: required fields say they are missing from then on. */
    touched,
    /**
     * Each term's value, change and error, for its input (`error`: the save's). A missing name or
     * calendar says so once the form was tried; otherwise the server's message for the field shows.
     */
    fields(error: unknown) {
      const server = rootErrors(error);
      return {
        name: { value: name, onChange: setName, error: nameError ?? server.name },
        customer: { value: customerId, onChange: setCustomerId, error: server.customerId },
        calendar: { value: calendarId, onChange: setCalendarId, error: calendarError ?? server.calendarId },
        targets: { value: targets, onChange: setTargets, error, calendarId },
        availability: { value: availability, onChange: setAvailability, error: server.availabilityTarget },
        obligations: { value: obligations, onChange: setObligations, error: server.obligations },
      };
    },
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
