import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../common/auth/principal';
import { auditRequestScope } from './audit-context';

@Injectable()
export class AuditContextMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    auditRequestScope.run({ req: req as Request & { user?: Principal } }, next);
  }
}
