import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('email-in configuration', () => {
  it('is off unless a port or an IMAP URL is set', () => {
    expect(loadConfig({}).inboundMail).toEqual({ smtp: undefined, imap: undefined });
  });
  it('reads the SMTP listener on loopback by default and the IMAP account with several folders', () => {
    const c = loadConfig({
      INBOUND_SMTP_PORT: '2525',
      INBOUND_IMAP_URL: 'imaps://desk%40example.com:s3cret@mail.example.com',
      INBOUND_IMAP_MAILBOXES: 'INBOX, Service Desk',
      INBOUND_IMAP_POLL_SECONDS: '30',
    }).inboundMail;
    expect(c.smtp).toEqual({ port: 2525, host: '127.0.0.1', maxBytes: 26_214_400 });
    expect(c.imap).toMatchObject({
      host: 'mail.example.com',
      port: 993,
      secure: true,
      user: 'desk@example.com',
      password: 's3cret',
      mailboxes: ['INBOX', 'Service Desk'],
      pollSeconds: 30,
      doneMailbox: undefined,
    });
  });
  it('names each bad variable with what was expected', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        INBOUND_SMTP_PORT: 'smtp',
        INBOUND_SMTP_HOST: 'mail.example.com',
        INBOUND_IMAP_URL: 'pop3://x',
        INBOUND_IMAP_POLL_SECONDS: '1',
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      problems = (e as ConfigError).problems;
    }
    expect(problems).toEqual([
      'INBOUND_SMTP_HOST="mail.example.com": must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0',
      'INBOUND_SMTP_PORT="smtp": must be a whole number from 0 to 65535',
      'INBOUND_IMAP_URL="pop3://x": must be an imap:// or imaps:// URL such as imaps://desk%40example.com:secret@mail.example.com',
    ]);
    expect(() => loadConfig({ INBOUND_IMAP_URL: 'imap://mail.example.com' })).toThrow(
      /INBOUND_IMAP_URL: must carry the user name and password/,
    );
    expect(() => loadConfig({ INBOUND_SMTP_HOST: '0.0.0.0' })).toThrow(
      /INBOUND_SMTP_HOST: set INBOUND_SMTP_PORT too/,
    );
  });
});
