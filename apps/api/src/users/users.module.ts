import { Module } from '@nestjs/common';
import { TeamRepository, TenantDb } from '@cb/persistence';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
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
