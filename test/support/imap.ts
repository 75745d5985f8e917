/**
 * A real IMAP server for tests: the one CI started (STEWARD_TEST_IMAP_URL), else a Dovecot this
 * process starts on loopback with scripts/imap-test-server.sh. Without dovecot the caller skips
 * and says why.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onPath, startScriptServer } from './ldap.ts';

const SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../scripts/imap-test-server.sh',
);

export type TestMailServer = { url: string; stop(): void } | { missing: string };

export function startTestImapServer(): TestMailServer {
  const given = process.env.STEWARD_TEST_IMAP_URL;
  if (given) return { url: given, stop: () => {} };
  if (!onPath('dovecot'))
    return {
      missing:
        'dovecot not installed (Debian: apt-get install dovecot-imapd) and STEWARD_TEST_IMAP_URL unset; IMAP tests skipped',
    };
  return startScriptServer(SCRIPT, 'steward-imap-');
}
