/**
 * Security headers on every response. The web app is built without inline scripts, so scripts
 * come only from Steward itself; Mantine writes its CSS variables into <style> elements at run
 * time, hence 'unsafe-inline' for styles only. No page may be framed (clickjacking). HSTS is
 * sent only over https (directly, or through a trusted proxy's X-Forwarded-Proto).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  // A route may send a stricter policy of its own (attachments are served sandboxed).
  if (!reply.hasHeader('content-security-policy'))
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  if (req.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
}
