/**
 * Settings of email in: the built-in SMTP listener (off unless INBOUND_SMTP_PORT is set) and
 * IMAP polling (off unless INBOUND_IMAP_URL is set). Read with the rest of the configuration at
 * start-up; every bad value is one readable problem naming the variable.
 */
import { isIP } from 'node:net';
import { envReader } from './config-env.ts';

export type InboundMailConfig = {
  smtp: { port: number; host: string; maxBytes: number } | undefined;
  imap:
    | {
        url: string;
        host: string;
        port: number;
        secure: boolean;
        user: string;
        password: string;
        mailboxes: string[];
        pollSeconds: number;
        /** Folder processed mail is moved to; unset, it is only marked \Seen. */
        doneMailbox: string | undefined;
      }
    | undefined;
};

export function loadInboundMailConfig(env: Record<string, string | undefined>): {
  config: InboundMailConfig;
  problems: string[];
} {
  const { problems, get, bad } = envReader(env);
  const int = (name: string, dflt: number, min: number, max: number) => {
    const v = get(name);
    if (v === undefined) return dflt;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      bad(name, `must be a whole number from ${min} to ${max}`);
      return dflt;
    }
    return Number(v);
  };

  let smtp: InboundMailConfig['smtp'];
  if (get('INBOUND_SMTP_PORT') !== undefined) {
    const host = get('INBOUND_SMTP_HOST') ?? '127.0.0.1';
    if (isIP(host) === 0 && host !== 'localhost')
      bad('INBOUND_SMTP_HOST', 'must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0');
    smtp = {
      port: int('INBOUND_SMTP_PORT', 2525, 0, 65535),
      host,
      maxBytes: int('INBOUND_SMTP_MAX_BYTES', 26_214_400, 1024, 1024 * 1024 * 1024),
    };
  } else if (get('INBOUND_SMTP_HOST') !== undefined) {
    problems.push('INBOUND_SMTP_HOST: set INBOUND_SMTP_PORT too (the listener is off without a port)');
  }

  let imap: InboundMailConfig['imap'];
  const url = get('INBOUND_IMAP_URL');
  if (url !== undefined) {
    let u: URL | undefined;
    try {
      u = new URL(url);
    } catch {
      u = undefined;
    }
    if (!u || !['imap:', 'imaps:'].includes(u.protocol) || !u.hostname) {
      bad(
        'INBOUND_IMAP_URL',
        'must be an imap:// or imaps:// URL such as imaps://desk%40example.com:secret@mail.example.com',
      );
    } else if (!u.username || !u.password) {
      problems.push('INBOUND_IMAP_URL: must carry the user name and password (imaps://user:password@host)');
    } else {
      const mailboxes = (get('INBOUND_IMAP_MAILBOXES') ?? 'INBOX')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      if (mailboxes.length === 0) bad('INBOUND_IMAP_MAILBOXES', 'must name at least one folder, e.g. INBOX');
      imap = {
        url,
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port ? Number(u.port) : u.protocol === 'imaps:' ? 993 : 143,
        secure: u.protocol === 'imaps:',
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        mailboxes,
        pollSeconds: int('INBOUND_IMAP_POLL_SECONDS', 60, 5, 86_400),
        doneMailbox: get('INBOUND_IMAP_DONE_MAILBOX'),
      };
    }
  }
  return { config: { smtp, imap }, problems };
}
