import { Entity } from 'typeorm';
import { SingleUseTokenEntity } from './single-use-token.entity';

/** A single-use e-mail verification token (only its SHA-256 is stored), valid for 48 hours. */
@Entity('email_verifications')
export class EmailVerificationEntity extends SingleUseTokenEntity {}
