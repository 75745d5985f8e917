import { describe, expect, it } from 'vitest';
import { activityOf, buildIncident, type Client, fieldChanges, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv(
  { agent: ['agent'], requester: ['requester'] },
  { env: { ATTACHMENT_MAX_BYTES: '4096' } },
);

/** Upload one file to a record as `client`, in a multipart form as the web app sends it. */
function upload(client: Client, recordId: string, filename: string, contentType: string, content: Buffer) {
  const boundary = '----steward-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request({
    method: 'POST',
    url: `/api/v1/records/${recordId}/attachments`,
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('attachments', () => {
  it('stores a file and serves it back with its type, a safe disposition and nosniff', async () => {
    const inc = await buildIncident(t.requester);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const up = await upload(t.requester, inc.id, 'screenshot.png', 'image/png', png);
    expect(up.statusCode).toBe(201);
    const att = up.json();
    expect(att).toMatchObject({ filename: 'screenshot.png', contentType: 'image/png', size: 7 });
    const down = await t.agent.get(`/api/v1/attachments/${att.id}/content`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['content-disposition']).toBe(
      `inline; filename="screenshot.png"; filename*=UTF-8''screenshot.png`,
    );
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.rawPayload).toEqual(png);
    const activity = await activityOf(t.requester, inc.id);
    expect(activity.some((a) => a.kind === 'attachment' && a.filename === 'screenshot.png')).toBe(true);
  });

  it('forces risky types such as HTML to download, and strips paths from names', async () => {
    const inc = await buildIncident(t.agent);
    const up = await upload(
      t.agent,
      inc.id,
      '../../etc/évil<page>.html',
      'text/html',
      Buffer.from('<script>alert(1)</script>'),
    );
    expect(up.statusCode).toBe(201);
    expect(up.json().filename).toBe('évil_page_.html');
    const down = await t.agent.get(`/api/v1/attachments/${up.json().id}/content`);
    expect(down.headers['content-type']).toBe('application/octet-stream');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="_vil_page_.html"; filename*=UTF-8''%C3%A9vil_page_.html`,
    );
    expect(down.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses a file over the size limit with 413 and stores nothing', async () => {
    const inc = await buildIncident(t.agent);
    const res = await upload(t.agent, inc.id, 'big.bin', 'application/octet-stream', Buffer.alloc(5000, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('attachment.too_large');
    expect((await t.agent.get(`/api/v1/records/${inc.id}/attachments`)).json()).toEqual([]);
  });

  it('hides attachments of records the caller may not read', async () => {
    const inc = await buildIncident(t.agent);
    const up = await upload(t.agent, inc.id, 'a.txt', 'text/plain', Buffer.from('secret'));
    expect((await t.requester.get(`/api/v1/attachments/${up.json().id}/content`)).statusCode).toBe(404);
    expect((await t.requester.del(`/api/v1/attachments/${up.json().id}`)).statusCode).toBe(404);
  });

  it('lets an agent remove an attachment and records it in the history', async () => {
    const inc = await buildIncident(t.agent);
    const up = await upload(t.agent, inc.id, 'a.txt', 'text/plain', Buffer.from('x'));
    expect((await t.agent.del(`/api/v1/attachments/${up.json().id}`)).statusCode).toBe(204);
    const changes = fieldChanges(await activityOf(t.agent, inc.id));
    expect(changes.some((a) => a.field === 'attachment_removed')).toBe(true);
  });

  it('refuses a non-multipart upload with a readable problem', async () => {
    const inc = await buildIncident(t.agent);
    const res = await t.agent.post(`/api/v1/records/${inc.id}/attachments`, { file: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('multipart/form-data');
  });
});

describe('links', () => {
  it('links two records by number, refuses duplicates and self-links, and removes links', async () => {
    const a = await buildIncident(t.agent, { title: 'A' });
    const b = await buildIncident(t.agent, { title: 'B' });
    const res = await t.agent.post(`/api/v1/records/${a.id}/links`, { target: b.number, kind: 'relates_to' });
    expect(res.statusCode).toBe(201);
    expect(res.json()[0]).toMatchObject({
      kind: 'relates_to',
      direction: 'outgoing',
      record: { number: b.number },
    });
    const incoming = (await t.agent.get(`/api/v1/records/${b.id}/links`)).json();
    expect(incoming[0]).toMatchObject({ direction: 'incoming', record: { number: a.number } });
    expect(
      (await t.agent.post(`/api/v1/records/${a.id}/links`, { target: b.number, kind: 'relates_to' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await t.agent.post(`/api/v1/records/${a.id}/links`, { target: a.number, kind: 'relates_to' }))
        .statusCode,
    ).toBe(422);
    expect(
      (await t.agent.post(`/api/v1/records/${a.id}/links`, { target: 'INC9999999', kind: 'relates_to' }))
        .statusCode,
    ).toBe(422);
    const removed = await t.agent.del(`/api/v1/records/${a.id}/links/${res.json()[0].id}`);
    expect(removed.json()).toEqual([]);
  });
});
