import { PasswordResetEntity } from '../entities/password-reset.entity';
import type { TenantDb } from '../tenant-db';
import { SingleUseTokensRepository } from './single-use-tokens.repository';

export class PasswordResetsRepository extends SingleUseTokensRepository<PasswordResetEntity> {
  constructor(db: TenantDb) {
    super(db, PasswordResetEntity, 'auth_password_reset_tenant');
  }
}
