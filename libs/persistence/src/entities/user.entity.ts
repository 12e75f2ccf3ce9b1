import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: 'owner' | 'admin' | 'member' | 'viewer';
  /**
   * When the user proved they read mail at `email` (the sign-up link, an accepted invitation, an identity
   * provider); null until then. Alerts go only to verified users.
   */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null;
  /** The TOTP secret (base32) once multi-factor authentication is on; null otherwise. */
  @Column('text', { name: 'mfa_secret', nullable: true }) mfaSecret: string | null;
  /** A secret being enrolled: it becomes mfaSecret when the user confirms a code from it. */
  @Column('text', { name: 'mfa_pending_secret', nullable: true }) mfaPendingSecret: string | null;
  @Column('timestamptz', { name: 'mfa_enabled_at', nullable: true }) mfaEnabledAt: Date | null;
  /** The last TOTP time step accepted: a code is never accepted twice (RFC 6238 section 5.2). */
  @Column('bigint', { name: 'mfa_last_step', nullable: true }) mfaLastStep: string | null;
  /** SHA-256 of the unused one-time recovery codes. */
  @Column('text', { name: 'mfa_recovery_codes', array: true, default: () => "'{}'" })
  mfaRecoveryCodes: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
