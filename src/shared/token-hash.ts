/**
 * How a secret handed out once (a session cookie, an API, feed or survey token, a confirmation
 * link) is kept and looked up: only its SHA-256, in hex, is stored.
 */
import { createHash } from 'node:crypto';

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
