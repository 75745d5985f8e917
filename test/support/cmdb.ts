/** CMDB factories: CIs and relationships through the API, with sensible defaults per class. */
import { type Client, expectJson } from './app.ts';

let seq = 0;

export type CiJson = {
  id: string;
  name: string;
  classKey: string;
  status: string;
  version: number;
  attributes: Record<string, string | number | boolean | null>;
};

const DEFAULT_ATTRIBUTES: Record<string, () => Record<string, unknown>> = {
  physical_server: () => ({ hostname: `host${seq}.example.net` }),
  virtual_server: () => ({ hostname: `vm${seq}.example.net` }),
  network_device: () => ({ hostname: `sw${seq}.example.net`, device_type: 'switch' }),
  database: () => ({ engine: 'postgresql' }),
  business_service: () => ({ criticality: 'high' }),
  technical_service: () => ({ criticality: 'medium' }),
};

export async function buildCi(
  client: Client,
  classKey: string,
  over: {
    name?: string;
    attributes?: Record<string, unknown>;
    status?: string;
    supportGroupId?: string;
  } = {},
): Promise<CiJson> {
  seq++;
  const res = await client.post('/api/v1/cmdb/cis', {
    classKey,
    name: over.name ?? `${classKey} ${seq}`,
    ...(over.status ? { status: over.status } : {}),
    ...(over.supportGroupId ? { supportGroupId: over.supportGroupId } : {}),
    attributes: { ...(DEFAULT_ATTRIBUTES[classKey]?.() ?? {}), ...over.attributes },
  });
  return expectJson<CiJson>(res, 201);
}

export async function relate(client: Client, from: CiJson, type: string, to: CiJson): Promise<string> {
  const res = await client.post('/api/v1/cmdb/relationships', { type, fromId: from.id, toId: to.id });
  return expectJson<{ id: string }>(res, 201).id;
}

/**
 * A small graph through the API: the CIs by key (class and name), then the relationships between
 * them by key (`[from, type, to]`), in order. Fills and returns `into`.
 */
export async function buildGraph(
  client: Client,
  cis: Record<string, [classKey: string, name: string]>,
  edges: [from: string, type: string, to: string][],
  into: Record<string, CiJson> = {},
): Promise<Record<string, CiJson>> {
  for (const [key, [classKey, name]] of Object.entries(cis))
    into[key] = await buildCi(client, classKey, { name });
  for (const [from, type, to] of edges) await relate(client, into[from]!, type, into[to]!);
  return into;
}

/** Upload an import file through the API as multipart/form-data. */
export async function uploadImport(
  client: Client,
  filename: string,
  content: string,
  query: string,
): Promise<{ statusCode: number; json: () => ImportJson; body: string }> {
  const boundary = '----steward-import-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({
    method: 'POST',
    url: `/api/v1/cmdb/imports?${query}`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export type ImportJson = {
  id: string;
  status: string;
  total: number;
  processed: number;
  percent: number;
  dryRun: boolean;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  errors: { row: number; message: string }[];
  failure: string | null;
};

export type ImportRowJson = { row: number; outcome: string; targetId: string | null; message: string | null };

export async function importRows(client: Client, id: string): Promise<ImportRowJson[]> {
  const res = await client.get(`/api/v1/cmdb/imports/${id}/rows?limit=200`);
  return (res.json() as { items: ImportRowJson[] }).items;
}
