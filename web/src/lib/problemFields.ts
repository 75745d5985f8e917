/**
 * The per-field problems of an RFC 9457 problem as a form shows them: the field's path without the
 * part of the request it came from (`body.targets[0].responseMinutes` → `targets[0].responseMinutes`)
 * and the message as a sentence. None for an error that is not the API's.
 */
import { ApiError, withoutRequestPart } from '../api/client.ts';

export type FieldProblem = { field: string; message: string };

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

export function problemFields(err: unknown): FieldProblem[] {
  if (!(err instanceof ApiError)) return [];
  return err.fieldErrors.map((e) => ({
    field: withoutRequestPart(e.field),
    message: sentence(e.message),
  }));
}
