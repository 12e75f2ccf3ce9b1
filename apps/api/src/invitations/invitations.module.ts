import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { PasswordHasher } from '../auth/password-hasher';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [ApplicationModule, AuthModule, AuditModule],
  controllers: [InvitationsController],
  providers: [InvitationsService, PasswordHasher],
})
export class InvitationsModule {}
