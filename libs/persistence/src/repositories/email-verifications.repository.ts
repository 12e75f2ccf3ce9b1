import { EmailVerificationEntity } from '../entities/email-verification.entity';
import type { TenantDb } from '../tenant-db';
import { SingleUseTokensRepository } from './single-use-tokens.repository';

export class EmailVerificationsRepository extends SingleUseTokensRepository<EmailVerificationEntity> {
  constructor(db: TenantDb) {
    super(db, EmailVerificationEntity, 'auth_email_verification_tenant');
  }
}
