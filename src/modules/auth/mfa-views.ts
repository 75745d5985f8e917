/** Response shapes of the second-factor sign-in step, shared by the sign-in and MFA routes. */
import { z } from 'zod';

export const Enrolment = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() })
  .meta({ id: 'MfaEnrolment' });
export const MfaChallengeView = z
  .object({
    mfaRequired: z.literal(true),
    challenge: z.string().describe('Send it back with the code to POST /auth/mfa/verify'),
    expiresAt: z.string(),
    enrol: Enrolment.nullable().describe('Set when the account must enrol now: show the QR code'),
  })
  .meta({ id: 'MfaChallenge' });
