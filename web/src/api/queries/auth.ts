/** The signed-in session: who I am, the CSRF token, sign-in and sign-out. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../client.ts';
import type { Session } from '../types.ts';
import { useRefreshingWrite } from '../writes.ts';

export const sessionKey = ['session'] as const;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api.get<Session>('/auth/me');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

export type MfaEnrolment = { secret: string; otpauthUrl: string; qrDataUrl: string };
/** The password was right; the account answers a code next (and enrols first when `enrol` is set). */
export type MfaChallenge = {
  mfaRequired: true;
  challenge: string;
  expiresAt: string;
  enrol: MfaEnrolment | null;
};
export type SignInAnswer = Session | MfaChallenge;

export const isMfaChallenge = (a: SignInAnswer): a is MfaChallenge => 'mfaRequired' in a;

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<SignInAnswer>('/auth/login', input),
    onSuccess: (s) => {
      if (isMfaChallenge(s)) return;
      setCsrfToken(s.csrfToken);
      qc.clear();
      qc.setQueryData<Session | null>(sessionKey, s);
    },
  });
}

/** The second sign-in step. Recovery codes come back once when the account enrolled just now. */
export function useVerifyMfa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { challenge: string; code: string }) =>
      api.post<Session & { recoveryCodes: string[] | null }>('/auth/mfa/verify', input),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      qc.clear();
      const next: Session = { user: s.user, csrfToken: s.csrfToken, via: 'session' };
      qc.setQueryData<Session | null>(sessionKey, next);
    },
  });
}

export type SignInProviders = { oidc: { id: string; label: string; startUrl: string }[]; directory: boolean };

/** The identity providers the sign-in page offers as buttons. */
export function useSignInProviders() {
  return useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => api.get<SignInProviders>('/auth/providers'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export type MfaStatus = {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
  localAccount: boolean;
};
const mfaKey = ['auth', 'mfa'] as const;

export function useMfaStatus() {
  return useQuery({ queryKey: mfaKey, queryFn: () => api.get<MfaStatus>('/auth/mfa') });
}

export function useBeginMfaEnrolment() {
  return useMutation({ mutationFn: () => api.post<MfaEnrolment>('/auth/mfa/enrolment') });
}

/** Confirming enrolment, replacing recovery codes and turning MFA off all take a current code. */
function useMfaCodeAction<T>(path: string) {
  return useRefreshingWrite((code: string) => api.post<T>(path, { code }), mfaKey);
}

export const useConfirmMfaEnrolment = () =>
  useMfaCodeAction<{ recoveryCodes: string[] }>('/auth/mfa/enrolment/confirm');
export const useReplaceRecoveryCodes = () =>
  useMfaCodeAction<{ recoveryCodes: string[] }>('/auth/mfa/recovery-codes');
export const useDisableMfa = () => useMfaCodeAction<void>('/auth/mfa/disable');

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData<Session | null>(sessionKey, null);
    },
  });
}
