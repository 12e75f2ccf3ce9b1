import { Injectable, RequestMethod, type OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC, PERMISSION } from '../decorators/auth.decorators';

export class UndeclaredRouteError extends Error {}

/**
 * At boot: every route handler declares exactly one of @Public(), @RequirePermission() or @Authenticated()
 * (on itself or its controller). A route with none would silently be open to any token; the API refuses to
 * start instead. The lint rule `local/route-declares-access` says the same at edit time.
 */
@Injectable()
export class RouteDeclarationsCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = this.undeclaredRoutes();
    if (undeclared.length)
      throw new UndeclaredRouteError(
        `Routes without @Public(), @RequirePermission() or @Authenticated(): ${undeclared.join(', ')}`,
      );
  }

  undeclaredRoutes(): string[] {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as () => unknown;
        if (this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler) === undefined)
          continue; // not a route
        const declarations = [
          this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]),
          this.reflector.getAllAndOverride<string>(PERMISSION, [handler, controller]),
        ].filter(Boolean);
        if (declarations.length !== 1) {
          const path = this.reflector.get<string>(PATH_METADATA, handler);
          problems.push(`${controller.name}.${name} (${path})`);
        }
      }
    }
    return problems;
  }
}
