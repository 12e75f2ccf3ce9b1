import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@cb/config';
import { TenantDb } from '@cb/persistence';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { JSON_BODY_LIMIT_BYTES, rejectOversizedBodies } from './common/body-limits';
import { ProblemFilter } from './common/filters/problem.filter';
import {
  JsonTooDeepError,
  jsonNestsDeeperThan,
  MAX_JSON_DEPTH,
  rejectNullCharacters,
} from './common/input-guards';
import { PROBLEM_CONTENT_TYPE, problem, sendProblem } from './common/problem';
import { requestTransaction } from './common/request-transaction';
import { securityMiddleware } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { mountWebUi } from './web/web-static';

export interface ApiAppOptions {
  /** Where the built web UI lives; default apps/web/dist under the working directory. */
  webDist?: string;
}

export function buildOpenApi(app: NestExpressApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Contract Bank API')
    .setDescription(
      'The REST API of Contract Bank: the same API the web UI uses. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'A user access token (JWT) or an API key',
    })
    .build();
  return SwaggerModule.createDocument(app, doc);
}

/** Builds the HTTP API (not listening yet): used by main.ts and by the tests. */
export async function createApiApp(
  config: AppConfig,
  options: ApiAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // API answers are no-store, so no client keeps one to revalidate: no ETag hashed over every body (a list page of
  // 50 is 60 KB of SHA-1). The web UI's files keep theirs (express.static and sendFile make their own).
  app.set('etag', false);
  // X-Forwarded-For is believed only when TRUST_PROXY says a proxy is in front (off by default).
  app.set('trust proxy', config.trustProxy);
  for (const middleware of securityMiddleware(config)) app.use(middleware);
  // A declared body over the limit is answered 413 before any of it is read.
  app.use(rejectOversizedBodies(config.maxUploadBytes, config.maxImportBytes));
  // Only the web UI's refresh-token cookie is read (POST /v1/auth/refresh and logout).
  app.use(cookieParser());
  // JSON bodies, keeping the raw bytes for signature checks (payment-provider webhooks).
  app.use(
    express.json({
      limit: JSON_BODY_LIMIT_BYTES,
      verify: (req: Request & { rawBody?: Buffer }, _res, buf) => {
        // Refused before parsing: a body nested 100,000 deep would reach recursive validation code.
        if (jsonNestsDeeperThan(buf, MAX_JSON_DEPTH)) throw new JsonTooDeepError();
        req.rawBody = buf;
      },
    }),
  );
  app.use(
    (err: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
      if (err?.type === 'entity.parse.failed') {
        res
          .status(400)
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            JSON.stringify(
              problem(400, 'malformed_json', 'The request body is not valid JSON', req.path),
            ),
          );
        return;
      }
      if (err?.type === 'json.too.deep') {
        const detail = `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`;
        sendProblem(res, problem(400, 'json_too_deep', detail, req.path));
        return;
      }
      if (err?.type === 'entity.too.large') {
        res
          .status(413)
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            JSON.stringify(
              problem(413, 'payload_too_large', 'The JSON body is larger than 1 MB', req.path),
            ),
          );
        return;
      }
      if (err?.type) {
        res
          .status(err.status ?? 400)
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            JSON.stringify(
              problem(
                err.status ?? 400,
                'bad_request',
                'The request body could not be read',
                req.path,
              ),
            ),
          );
        return;
      }
      next(err);
    },
  );
  // U+0000 in any query parameter or JSON field: 400 naming the fields (PostgreSQL cannot store it in text).
  app.use(rejectNullCharacters);
  // Last before the routes: a read request's repository calls share one transaction (and the tenant set once).
  const tenantDb = app.get(TenantDb);
  app.use(requestTransaction(tenantDb));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const openApi = buildOpenApi(app);
  SwaggerModule.setup('docs', app, openApi, {
    jsonDocumentUrl: 'v1/openapi.json',
    customSiteTitle: 'Contract Bank API',
  });
  mountWebUi(app.getHttpAdapter().getInstance(), options.webDist ?? path.resolve('apps/web/dist'), {
    // Source maps are built (hidden: no sourceMappingURL) but served only outside production.
    serveSourceMaps: !config.isProduction,
  });
  return app;
}
