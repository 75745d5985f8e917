import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAutomated, failedRecipients, type MailFacts } from './classify.ts';
import { type DecisionFacts, decideInbound } from './decide.ts';
import {
  cleanSubject,
  decideThread,
  recordIdOfMessageId,
  recordNumbersInSubject,
  referencedIds,
  splitPlusAddress,
} from './threading.ts';
import { trimReply } from './trim.ts';

const RID = '3f0b6a52-9a7e-4c1b-8f3e-2d4c5b6a7980';

const facts = (headers: Record<string, string>, over: Partial<MailFacts> = {}): MailFacts => ({
  headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
  from: 'robin@example.com',
  contentType: 'text/plain',
  ownMessageId: 'abc@example.com',
  ...over,
});

describe('classifyAutomated', () => {
  it('lets a person’s mail through', () => {
    expect(classifyAutomated(facts({ subject: 'Printer jams' }))).toBeNull();
    expect(classifyAutomated(facts({ 'auto-submitted': 'no' }))).toBeNull();
  });
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'auto_reply'],
    [{ 'auto-submitted': 'auto-generated' }, 'auto_reply'],
    [{ 'x-auto-response-suppress': 'All' }, 'auto_reply'],
    [{ precedence: 'bulk' }, 'bulk'],
    [{ precedence: 'junk' }, 'bulk'],
    [{ precedence: 'list' }, 'bulk'],
    [{ 'list-id': '<news.example.com>' }, 'bulk'],
    [{ 'x-loop': 'desk@example.com' }, 'loop'],
    [{ subject: 'Out of Office: back on Monday' }, 'auto_reply'],
  ] as const)('classifies %o as %s', (headers, kind) => {
    expect(classifyAutomated(facts(headers))?.kind).toBe(kind);
  });
  it('knows bounces by report type, empty envelope sender and mailer-daemon', () => {
    expect(
      classifyAutomated(
        facts({}, { contentType: 'multipart/report; report-type=delivery-status; boundary=x' }),
      )?.kind,
    ).toBe('bounce');
    expect(classifyAutomated(facts({}, { envelopeFrom: '<>' }))?.kind).toBe('bounce');
    expect(classifyAutomated(facts({}, { from: 'MAILER-DAEMON@mx.example.net' }))?.kind).toBe('bounce');
  });
  it('knows our own Message-IDs, by shape and by the outbox', () => {
    expect(classifyAutomated(facts({}, { ownMessageId: `steward.${RID}.k3j4@desk.example` }))?.kind).toBe(
      'loop',
    );
    expect(
      classifyAutomated(facts({}, { ownMessageId: 'x1@desk.example' }), {
        ownMessageIds: new Set(['x1@desk.example']),
      })?.kind,
    ).toBe('loop');
  });
});

describe('failedRecipients', () => {
  it('reads failed recipients of a DSN, not delayed ones', () => {
    const dsn = `Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; Gone@Example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User\n  unknown\n\nFinal-Recipient: rfc822; slow@example.net\nAction: delayed\nStatus: 4.4.1\n`;
    expect(failedRecipients(dsn)).toEqual([
      { address: 'gone@example.net', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' },
    ]);
  });
});

describe('threading', () => {
  it('lists referenced ids, In-Reply-To first then References newest first, once each', () => {
    expect(referencedIds('<c@x>', '<a@x> <b@x>\n <c@x>')).toEqual(['c@x', 'b@x', 'a@x']);
    expect(referencedIds(null, ['<a@x>', '<b@x>'])).toEqual(['b@x', 'a@x']);
  });
  it('reads the record id from our Message-IDs only', () => {
    expect(recordIdOfMessageId(`<steward.${RID}.ab12@desk.example>`)).toBe(RID);
    expect(recordIdOfMessageId('<steward.not-a-uuid.ab12@desk.example>')).toBeNull();
    expect(recordIdOfMessageId('<CAJx8@mail.gmail.com>')).toBeNull();
  });
  it('finds record numbers in subjects, bracketed or not, but not inside longer tokens', () => {
    expect(recordNumbersInSubject('RE: [INC0001234] Printer', ['INC', 'PRB'])).toEqual(['INC0001234']);
    expect(recordNumbersInSubject('Re: inc0001234 and PRB0000042', ['INC', 'PRB'])).toEqual([
      'INC0001234',
      'PRB0000042',
    ]);
    expect(recordNumbersInSubject('XINC0001234 or INC00012345678x', ['INC'])).toEqual([]);
    expect(recordNumbersInSubject('INC12345', ['INC'])).toEqual([]);
  });
  it('finds any number it is given back in a subject (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.string({ maxLength: 20 }), (n, noise) => {
        const number = `INC${String(n).padStart(7, '0')}`;
        const subject = `Re: ${noise.replace(/[A-Za-z0-9]/g, ' ')} [${number}] ${noise}`;
        return recordNumbersInSubject(subject, ['INC'])[0] === number;
      }),
    );
  });
  it('splits plus-addresses', () => {
    expect(splitPlusAddress('Desk+INC0001234@Example.com')).toEqual({
      base: 'desk@example.com',
      tag: 'inc0001234',
    });
    expect(splitPlusAddress('desk@example.com')).toEqual({ base: 'desk@example.com', tag: null });
  });
  it('prefers message ids, then the plus tag, then the subject', () => {
    const found = {
      byMessageId: new Map([['m1@x', 'r-mail']]),
      byNumber: new Map([
        ['INC0000001', 'r-plus'],
        ['INC0000002', 'r-subject'],
      ]),
      existing: new Set([RID]),
    };
    const mail = { referencedIds: ['m1@x'], plusTags: ['INC0000001'], subjectNumbers: ['INC0000002'] };
    expect(decideThread(mail, found)).toEqual({ recordId: 'r-mail', by: 'message_id' });
    expect(decideThread({ ...mail, referencedIds: [`steward.${RID}.x@d`] }, found)).toEqual({
      recordId: RID,
      by: 'message_id',
    });
    expect(decideThread({ ...mail, referencedIds: ['other@x'] }, found)?.by).toBe('plus_address');
    expect(decideThread({ ...mail, referencedIds: [], plusTags: [] }, found)?.recordId).toBe('r-subject');
    // An own id for a record that does not exist (deleted, or another installation) is passed over.
    expect(
      decideThread(
        {
          referencedIds: ['steward.00000000-0000-4000-8000-000000000000.x@d'],
          plusTags: [],
          subjectNumbers: [],
        },
        found,
      ),
    ).toBeNull();
  });
  it('cleans reply and forward prefixes in several languages', () => {
    expect(cleanSubject('Re: AW: Fwd: WG: [INC0001234] Printer')).toBe('[INC0001234] Printer');
    expect(cleanSubject('RE[2]: x')).toBe('x');
  });
});

describe('trimReply', () => {
  it('cuts an "On … wrote:" quote, even wrapped over two lines', () => {
    const t = trimReply('Works now.\n\nOn Mon, Mar 2, 2026 at 10:05 AM Service Desk <d@x>\nwrote:\n\n> old');
    expect(t).toEqual({ text: 'Works now.', trimmed: true });
  });
  it('cuts Outlook headers after a rule, and an Original Message line', () => {
    expect(
      trimReply('New text\n\n________________________________\nFrom: Desk\nSent: today\n\nold').text,
    ).toBe('New text');
    expect(trimReply('New text\n-----Original Message-----\nFrom: Desk\nold').text).toBe('New text');
    expect(trimReply('Neu\n\nVon: Desk <d@x>\nGesendet: Montag\nAlt').text).toBe('Neu');
  });
  it('cuts the signature and a mobile footer', () => {
    expect(trimReply('Asset 00417.\n\n-- \nRobin\nFacilities').text).toBe('Asset 00417.');
    expect(trimReply('On the kitchen one.\n\nSent from my iPhone').text).toBe('On the kitchen one.');
  });
  it('keeps interleaved answers and forwarded content', () => {
    const inline = '> Which floor?\n3rd floor.\n> Which tray?\nTray 2.';
    expect(trimReply(inline).text).toBe(inline);
    const fwd =
      'Please renew.\n\n---------- Forwarded message ---------\nFrom: VPN <v@x>\nDate: today\n\nExpires Friday.';
    expect(trimReply(fwd).text).toBe(fwd);
  });
  it('shows a mail that is only a quote whole rather than empty', () => {
    expect(trimReply('> only quoted\n> text').text).toBe('> only quoted\n> text');
  });
});

describe('decideInbound', () => {
  const base: DecisionFacts = {
    automated: null,
    address: { unknownSenderPolicy: 'create_requester', strangerReplyPolicy: 'add_watcher' },
    sender: { known: true, active: true },
    thread: null,
  };
  const thread = { recordId: 'r1', senderMayComment: true, closed: false };
  it('never lands machine mail; bounces are bounced', () => {
    expect(decideInbound({ ...base, thread, automated: { kind: 'auto_reply', reason: 'x' } })).toMatchObject({
      action: 'ignore',
      status: 'ignored',
    });
    expect(decideInbound({ ...base, automated: { kind: 'bounce', reason: 'x' } })).toMatchObject({
      status: 'bounced',
    });
  });
  it('comments a reply of someone on the record', () => {
    expect(decideInbound({ ...base, thread })).toEqual({
      action: 'comment',
      recordId: 'r1',
      addWatcher: false,
      createSender: false,
    });
  });
  it('follows the stranger policy for a reply of someone not on the record', () => {
    const stranger = { ...thread, senderMayComment: false };
    expect(decideInbound({ ...base, thread: stranger })).toMatchObject({
      action: 'comment',
      addWatcher: true,
    });
    expect(
      decideInbound({
        ...base,
        thread: stranger,
        address: { unknownSenderPolicy: 'create_requester', strangerReplyPolicy: 'new_record' },
      }),
    ).toMatchObject({ action: 'create', relatesTo: 'r1', reason: 'stranger_reply' });
  });
  it('opens a follow-up for a reply to a closed record', () => {
    expect(decideInbound({ ...base, thread: { ...thread, closed: true } })).toMatchObject({
      action: 'create',
      relatesTo: 'r1',
      reason: 'closed_record',
    });
  });
  it('follows the unknown-sender policy', () => {
    const unknown = { known: false, active: false };
    expect(decideInbound({ ...base, sender: unknown })).toMatchObject({
      action: 'create',
      createSender: true,
    });
    expect(
      decideInbound({
        ...base,
        sender: unknown,
        address: { unknownSenderPolicy: 'refuse', strangerReplyPolicy: 'add_watcher' },
      }),
    ).toMatchObject({ action: 'refuse', reason: 'unknown_sender', reply: true });
  });
  it('refuses mail that reached no address and answers no record, and deactivated senders', () => {
    expect(decideInbound({ ...base, address: null })).toMatchObject({
      action: 'refuse',
      reason: 'no_address',
    });
    expect(decideInbound({ ...base, sender: { known: true, active: false } })).toMatchObject({
      reason: 'inactive_sender',
    });
  });
});
