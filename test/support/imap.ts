/**
 * A real IMAP server for tests: the one CI started (STEWARD_TEST_IMAP_URL), else a Dovecot this
 * process starts on loopback with scripts/imap-test-server.sh. Without dovecot the caller skips
 * and says why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'scripts/imap-test-server.sh');

export type TestMailServer = { url: string; stop(): void } | { missing: string };

export function startTestImapServer(): TestMailServer {
  const given = process.env.STEWARD_TEST_IMAP_URL;
  if (given) return { url: given, stop: () => {} };
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'];
  if (!dirs.some((d) => d && existsSync(path.join(d, 'dovecot'))))
    return {
      missing:
        'dovecot not installed (Debian: apt-get install dovecot-imapd) and STEWARD_TEST_IMAP_URL unset; IMAP tests skipped',
    };
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-imap-'));
  const url = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8' }).trim();
  return {
    url,
    stop: () => {
      execFileSync('bash', [SCRIPT, 'stop', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
