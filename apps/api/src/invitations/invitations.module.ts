import { Module } from '@nestjs/common';
import { NotificationsModule } from '@cb/notifications';
import { AuthModule } from '../auth/auth.module';
import { PasswordHasher } from '../auth/password-hasher';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AuthModule, NotificationsModule],
  controllers: [InvitationsController],
  providers: [InvitationsService, PasswordHasher],
})
export class InvitationsModule {}
