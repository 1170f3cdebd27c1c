// The server as a boundary: requests that cannot be meant (NUL, lone surrogates, broken percent-encoding) are
// answered 400 before any route; with a token set, every /api route needs it from anywhere but this machine;
// every answer says what a browser may do with it (CSP with frame-ancestors, nosniff).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkToken } from './auth.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The review page loads its own script and stylesheet, and page pictures as blobs; nothing else, from nowhere else. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// the server's logger type is pino's, not Fastify's default: any instance will do
export function guardBoundary(app: FastifyInstance<any, any, any, any>, token: string | null): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const problem = badUrl(req.url);
    if (problem) return reply.code(400).send({ error: 'BadRequest', message: `the request's address ${problem}` });
    if (token !== null && req.url.startsWith('/api') && !LOOPBACK.has(req.ip)) return checkToken(token, req, reply);
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
  });
}

function badUrl(url: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return 'is not valid percent-encoded UTF-8';
  }
  if (decoded.includes('\u0000')) return 'holds a NUL character';
  if (LONE_SURROGATE.test(decoded) || decoded.includes('\ufffd')) return 'holds an unpaired surrogate or an invalid character';
  return null;
}
