import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  RequestMethod,
  type INestApplicationContext,
} from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { AccessRule } from '@scs/api/core';
import { accessDeclaration } from './access.guard';

export interface RouteInfo {
  method: string;
  /** Express-style path including the global prefix, e.g. `/api/orgs/:orgId/profile`. */
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  rule?: AccessRule;
  /** Route parameter names in path order. */
  params: string[];
}

function paths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value ?? '/'];
  return list.map((p) => String(p));
}

function join(...parts: string[]): string {
  const joined = parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

/** Every HTTP route of the Nest application with its access declaration (for the route audit and the tenant matrix). */
export function routeTable(discovery: DiscoveryService, reflector: Reflector, globalPrefix = 'api'): RouteInfo[] {
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!type?.prototype) continue;
    const base = paths(Reflect.getMetadata(PATH_METADATA, type));
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name] as (...args: never[]) => unknown;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (sub === undefined) continue; // not a route handler
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const { isPublic, rule } = accessDeclaration(reflector, [handler, type]);
      for (const b of base) {
        for (const s of paths(sub)) {
          const path = join(globalPrefix, b, s);
          routes.push({
            method,
            path,
            controller: type.name,
            handler: name,
            isPublic,
            rule,
            params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
          });
        }
      }
    }
  }
  return routes;
}

/** routeTable() for a running application (AccountsModule imports DiscoveryModule). */
export function routeTableOf(app: INestApplicationContext, globalPrefix = 'api'): RouteInfo[] {
  return routeTable(app.get(DiscoveryService, { strict: false }), app.get(Reflector, { strict: false }), globalPrefix);
}

/** Logs, at start-up, every route that declares no access (the guard refuses them; the route-audit test fails on them). */
@Injectable()
export class RouteAudit implements OnApplicationBootstrap {
  private readonly logger = new Logger(RouteAudit.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const bad = routeTable(this.discovery, this.reflector).filter((r) => r.isPublic === Boolean(r.rule));
    for (const r of bad)
      this.logger.error(
        `${r.method} ${r.path} (${r.controller}.${r.handler}) declares ${r.isPublic ? 'both @Public and an access rule' : 'no access rule'}; it will answer 403`,
      );
  }
}
