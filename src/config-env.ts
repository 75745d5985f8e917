/**
 * Reading environment variables by hand, beside the schema: an empty variable counts as unset,
 * and every bad value adds one readable problem naming the variable, its value and what was
 * expected.
 */
export function envReader(env: Record<string, string | undefined>) {
  const problems: string[] = [];
  const get = (name: string) => (env[name] === '' ? undefined : env[name]);
  const bad = (name: string, expected: string) => {
    problems.push(`${name}=${JSON.stringify(env[name] ?? '')}: ${expected}`);
  };
  return { problems, get, bad };
}
