import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Authenticated, Public, RequirePermission } from '../decorators/auth.decorators';
import { RouteDeclarationsCheck, UndeclaredRouteError } from './route-declarations.check';

@Public()
@Controller('open')
class OpenController {
  @Get() list() {
    return [];
  }
}

@Controller('things')
class DeclaredController {
  @Get() @RequirePermission('contracts:read') list() {
    return [];
  }
  @Post('me') @Authenticated() mine() {
    return {};
  }
  /** Not a route: needs nothing. */
  helper() {
    return 1;
  }
}

@Controller('oops')
class ForgetfulController {
  @Get() @RequirePermission('contracts:read') fine() {
    return [];
  }
  @Post() forgot() {
    return {};
  }
}

@Controller('both')
class ConfusedController {
  @Get() @Public() @RequirePermission('contracts:read') which() {
    return [];
  }
}

async function boot(...controllers: (new () => unknown)[]) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [RouteDeclarationsCheck],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } finally {
    await app.close().catch(() => undefined);
  }
}

describe('every route declares who may call it, checked at boot', () => {
  it('boots when each route has @Public, @RequirePermission or @Authenticated (on it or its controller)', async () => {
    await expect(boot(OpenController, DeclaredController)).resolves.toBeUndefined();
  });

  it('refuses to boot, naming the route, when one declares nothing', async () => {
    await expect(boot(DeclaredController, ForgetfulController)).rejects.toThrow(
      UndeclaredRouteError,
    );
    await expect(boot(ForgetfulController)).rejects.toThrow('ForgetfulController.forgot');
  });

  it('refuses a route that declares two contradicting things', async () => {
    await expect(boot(ConfusedController)).rejects.toThrow('ConfusedController.which');
  });
});
