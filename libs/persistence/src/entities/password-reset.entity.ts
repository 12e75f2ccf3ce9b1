import { Entity } from 'typeorm';
import { SingleUseTokenEntity } from './single-use-token.entity';

/** A single-use password-reset token (only its SHA-256 is stored), valid for one hour. */
@Entity('password_resets')
export class PasswordResetEntity extends SingleUseTokenEntity {}
