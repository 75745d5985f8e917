/**
 * One parameter of the page's query string, for a filter or tab that should survive a reload and
 * be linkable: its value ('' when absent) and a setter that keeps the other parameters, drops this
 * one when given '' or null, and replaces the history entry rather than adding one.
 *
 *   const [status, setStatus] = useUrlParam('status');
 */
import { useSearchParams } from 'react-router-dom';

export function useUrlParam(name: string): [string, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return [params.get(name) ?? '', set];
}
