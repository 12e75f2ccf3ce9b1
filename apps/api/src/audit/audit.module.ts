import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { AuditContextMiddleware } from './audit-context.middleware';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail over HTTP, and the AuditService that team, key and billing services record through. */
@Module({
  imports: [ApplicationModule],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(AuditContextMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
