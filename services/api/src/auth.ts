// Write routes (corrections, uploads, reprocessing) need `Authorization: Bearer <API_TOKEN>`. Without a token set
// the API is read-only (and start-api.ts binds it to 127.0.0.1).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireToken(token: string | null) {
  const expected = token === null ? null : digest(token);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (expected === null)
      return reply.code(403).send({ error: 'ReadOnly', message: 'this server is read-only: start it with API_TOKEN set to allow corrections, uploads and reprocessing' });
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    // compare digests: equal length, constant time
    if (!given || !timingSafeEqual(digest(given), expected))
      return reply.code(401).send({ error: 'Unauthorized', message: 'send the API token as `Authorization: Bearer <API_TOKEN>`' });
  };
}
