/** What every record type shares on its page: the API's record view (state, people, actions). */
import type { Incident, TransitionInput } from '../../api/types.ts';

export type RecordView = Incident;

/** A lifecycle step with what it may need (a comment, a resolution). */
export type StepInput = TransitionInput;
