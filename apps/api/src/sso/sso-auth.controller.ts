import { Controller, Get, Inject, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SSO_SIGN_IN_TTL_SECONDS } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import type { Request, Response } from 'express';
import { TokenPairDto } from '../auth/dto/auth.dto';
import { deliverSession } from '../auth/session-cookie';
import { Public } from '../common/decorators/auth.decorators';
import { SsoAuthorizationDto, StartSsoQueryDto } from './dto/sso.dto';
import { SsoBrowserErrorFilter } from './sso-browser-error.filter';
import { bindBrowser, callbackParams, prefersJson, takeBrowserBinding } from './sso-cookie';
import { SsoSignInService } from './sso-sign-in.service';

/**
 * Sign-in through the tenant's identity provider (OpenID Connect code flow with PKCE). A browser is redirected
 * (errors back to /login?ssoError=<code>); a client that accepts only JSON gets JSON and problems.
 */
@ApiTags('accounts')
@Controller('v1/auth/sso')
@UseFilters(SsoBrowserErrorFilter)
export class SsoAuthController {
  constructor(
    @Inject(SsoSignInService) private readonly sso: SsoSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('start')
  @ApiFoundResponse({ description: "Redirect to the organisation's identity provider" })
  @ApiOkResponse({ type: SsoAuthorizationDto, description: 'With Accept: application/json' })
  async start(@Query() query: StartSsoQueryDto, @Req() req: Request, @Res() res: Response) {
    const url = await this.sso.start(query, bindBrowser(res, this.config, SSO_SIGN_IN_TTL_SECONDS));
    if (prefersJson(req)) res.json({ authorizationUrl: url });
    else res.redirect(302, url);
  }

  @Public()
  @Get('callback')
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'iss', required: false })
  @ApiQuery({ name: 'error', required: false })
  @ApiQuery({ name: 'error_description', required: false })
  @ApiFoundResponse({
    description: 'Signed in: the cb_refresh cookie is set and the browser goes to /sso/complete',
  })
  @ApiOkResponse({ type: TokenPairDto, description: 'With Accept: application/json' })
  async callback(@Req() req: Request, @Res() res: Response) {
    // The provider adds parameters of its own, so the query is read by name rather than as a whitelisted DTO.
    const pair = await this.sso.finish(
      callbackParams(req.query),
      takeBrowserBinding(req, res, this.config),
    );
    if (prefersJson(req)) {
      res.json(pair);
      return;
    }
    deliverSession(res, this.config, pair, true);
    res.redirect(302, `${this.config.appUrl}/sso/complete`);
  }
}
