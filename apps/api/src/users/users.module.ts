import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { PersistenceModule, TeamRepository, TenantDb } from '@cb/persistence';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [ApplicationModule, PersistenceModule, AuditModule, AuthModule],
  controllers: [UsersController],
  providers: [
    UsersService,
    {
      provide: TeamRepository,
      inject: [TenantDb],
      useFactory: (db: TenantDb) => new TeamRepository(db),
    },
  ],
})
export class UsersModule {}
