/** One file uploaded as multipart/form-data in the field "file", read whole within a size limit. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export type UploadedFile = { filename: string; mimetype: string; data: Buffer };

/** The uploaded file; 400 when the request is not multipart or has none, `tooLarge` (413) past `maxBytes`. */
export async function receiveFile(
  req: FastifyRequest,
  maxBytes: number,
  tooLarge: string,
): Promise<UploadedFile> {
  if (!req.isMultipart())
    throw new AppError('request.malformed', 'Send the file as multipart/form-data in a field named "file".');
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file)
    throw new AppError('validation.failed', 'No file was sent.', [{ field: 'file', message: 'is required' }]);
  const data = await file.toBuffer();
  if (file.file.truncated) throw new AppError('attachment.too_large', tooLarge);
  return { filename: file.filename, mimetype: file.mimetype, data };
}
