import {
  Catch,
  HttpException,
  Inject,
  Injectable,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { DomainError } from '@cb/domain';
import type { Request, Response } from 'express';
import { ProblemFilter } from '../common/filters/problem.filter';
import { prefersJson } from './sso-cookie';

/**
 * Errors of the SSO routes a browser navigates to (start, callback): a browser goes back to the sign-in page,
 * which shows a readable message for `ssoError=<code>`; an API client gets the problem as anywhere else.
 */
@Injectable()
@Catch()
export class SsoBrowserErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Sso');
  private readonly problems = new ProblemFilter();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (prefersJson(req) || res.headersSent) {
      this.problems.catch(exception, host);
      return;
    }
    let code = 'sso_failed';
    if (exception instanceof DomainError) code = exception.code;
    else if (exception instanceof HttpException && exception.getStatus() < 500)
      code = 'validation_failed';
    else this.logger.error({ err: exception }, 'SSO sign-in failed');
    if (exception instanceof DomainError)
      this.logger.log(`SSO sign-in refused: ${exception.message}`);
    res.redirect(302, `${this.config.appUrl}/login?ssoError=${encodeURIComponent(code)}`);
  }
}
