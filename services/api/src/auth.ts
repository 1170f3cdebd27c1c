// Write routes (corrections, uploads, reprocessing) need `Authorization: Bearer <API_TOKEN>`. Without a token set
// the API is read-only (and start-api.ts binds it to 127.0.0.1).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireToken(token: string | null) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (token === null)
      return reply.code(403).send({ error: 'ReadOnly', message: 'this server is read-only: start it with API_TOKEN set to allow corrections, uploads and reprocessing' });
    return checkToken(token, req, reply);
  };
}

/** 401 unless the request carries the token (also asked of every /api read from off this machine: boundary.ts). */
export async function checkToken(token: string, req: FastifyRequest, reply: FastifyReply) {
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  // compare digests: equal length, constant time
  if (!given || !timingSafeEqual(digest(given), digest(token)))
    return reply.code(401).send({ error: 'Unauthorized', message: 'send the API token as `Authorization: Bearer <API_TOKEN>`' });
}
