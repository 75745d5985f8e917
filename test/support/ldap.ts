/**
 * A real OpenLDAP server for tests: the one CI started (STEWARD_TEST_LDAP_URL), else a slapd
 * this process starts on loopback with scripts/ldap-test-server.sh, loaded with
 * test/support/ldap-directory.ldif. Without slapd the caller skips and says why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'scripts/ldap-test-server.sh');

export type TestDirectory = { url: string; stop(): void } | { missing: string };

export function onPath(bin: string): boolean {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'];
  return dirs.some((d) => d && existsSync(path.join(d, bin)));
}

export function startTestDirectory(): TestDirectory {
  const given = process.env.STEWARD_TEST_LDAP_URL;
  if (given) return { url: given, stop: () => {} };
  const missing = ['slapd', 'slapadd'].filter((b) => !onPath(b));
  if (missing.length) {
    return {
      missing: `${missing.join(' and ')} not installed (Debian: apt-get install slapd ldap-utils); LDAP tests skipped`,
    };
  }
  return startScriptServer(SCRIPT, 'steward-ldap-');
}

/** Run a `scripts/*-test-server.sh start DIR` in a fresh folder: its URL, and how to stop it. */
export function startScriptServer(script: string, prefix: string): { url: string; stop(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const url = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' }).trim();
  return {
    url,
    stop: () => {
      execFileSync('bash', [script, 'stop', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
