// The API and the review page in one Fastify server. Request shapes are zod schemas (schemas.ts); Fastify validates
// with them and @fastify/swagger turns them into the OpenAPI document served at /openapi.json.
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { guardBoundary } from './boundary.ts';
import type { ApiDeps } from './deps.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { documentRoutes } from './routes/documents.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { intakeRoutes } from './routes/intake.ts';
import { webRoutes } from './routes/web.ts';

export async function buildServer(deps: ApiDeps) {
  const app = Fastify({
    loggerInstance: deps.logger.child({ service: 'api' }),
    // JSON bodies are small (a correction); uploads go through multipart with the watcher's own limit
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: { title: 'jixiao', description: '绩效自评表 extractions: documents, indicators, corrections, exports', version: '0.1.0' },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'API_TOKEN; write routes only' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(multipart, { limits: { fileSize: deps.limits.maxBytes, files: 1, fields: 4, fieldSize: 1024 } });

  guardBoundary(app, deps.token);
  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0]!;
      const where = [err.validationContext, issue.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join(' ');
      return reply.code(400).send({ error: 'BadRequest', message: `${where}: ${issue.message}` });
    }
    const status = (err as { statusCode?: number }).statusCode ?? (isBadInput(err) ? 400 : 500);
    if (status < 500) return reply.code(status).send({ error: (err as { code?: string }).code ?? 'BadRequest', message: (err as Error).message });
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'Internal', message: 'the server could not answer; see its log' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'NotFound', message: `no route ${req.method} ${req.url.split('?')[0]}` }));

  await app.register(documentRoutes(deps));
  await app.register(indicatorRoutes(deps));
  await app.register(correctionRoutes(deps));
  await app.register(intakeRoutes(deps));
  await app.register(webRoutes(deps));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

/**
 * Errors that come from what was sent, not from the server: text Postgres cannot store (a NUL, a lone surrogate
 * in a JSON body), a name too long for the file system, a multipart body cut short or without its boundary.
 */
function isBadInput(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (e.code === '22021' || e.code === '22P05' || e.code === 'ENAMETOOLONG') return true;
  return /Unexpected end of (form|multipart)|Malformed part header|Boundary not found|Multipart: /i.test(e.message ?? '');
}
