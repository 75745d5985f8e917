/**
 * The message under a required field left empty (blank text counts as empty), shown only once the
 * person has tried to submit; otherwise nothing, so a server's message for the field can follow:
 *   error={requiredError(touched, name, 'Enter a name') ?? server.name}
 */
export function requiredError(
  touched: boolean,
  value: string | null | undefined,
  message: string,
): string | undefined {
  return touched && !value?.trim() ? message : undefined;
}
