import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import {
  FastPathValidationPipe,
  RejectNulPipe,
  type AppConfig,
  rejectDeepJson,
  validationExceptionFactory,
} from '@scs/api/core';
import { httpMetricsMiddleware, Metrics } from './metrics';
import { compressedStaticAssets } from './static-compression';

/** The HTTP pipeline, shared by main.ts and the tests so they cannot drift apart. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  if (config.trustProxy) express.set('trust proxy', 1);
  express.disable('x-powered-by');
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  // Our own JSON parser (Nest's useBodyParser reserves `verify`): nesting depth is checked on the raw bytes, before parsing.
  app.use(json({ limit: '1mb', verify: rejectDeepJson }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"], // Angular component styles and Material inject <style> elements
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': config.cookieSecure ? [] : null,
        },
      },
      hsts: config.cookieSecure,
    }),
  );
  app.use(cookieParser());
  app.useGlobalPipes(
    new RejectNulPipe(),
    new FastPathValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      // The target lets the factory read each failed constraint's arguments (max length, allowed values) for the
      // translated message; no value or target ever reaches a response.
      validationError: { target: true, value: false },
      exceptionFactory: validationExceptionFactory, // { code, message, errors: { field: message }, codes }
    }),
  );
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('SCS Check API')
      .setDescription(
        "Self-assessment of exposure to China's Corporate Social Credit System. Cookie sessions (web app, with CSRF header) or Bearer tokens (API clients).",
      )
      .setVersion('1.0')
      .addBearerAuth()
      .addCookieAuth('scs_access')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveWebApp(express, config);
}

/** Serves the built Angular app on the same port; unknown non-API paths get index.html (the app shows its 404 page). */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.webDist;
  if (!dist || !existsSync(join(dist, 'index.html'))) return;
  const indexHtml = readFileSync(join(dist, 'index.html'), 'utf8');
  // Hashed bundles are immutable; everything else is revalidated.
  const cacheControl = (path: string) =>
    /[.-][a-z0-9]{8,}\.(js|css)$/i.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
  app.use(compressedStaticAssets(dist, cacheControl));
  app.useStaticAssets(dist, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControl(path)),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/'))
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(indexHtml);
  });
}
