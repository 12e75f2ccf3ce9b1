import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A tenant's OpenID Connect identity provider (one per tenant). The client secret is stored sealed (AES-GCM). */
@Entity('sso_connections')
export class SsoConnectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'issuer_url' }) issuerUrl: string;
  @Column('text', { name: 'client_id' }) clientId: string;
  /** sealSecret(deriveKey(JWT_SECRET, 'sso-client-secret'), secret, tenantId): never returned by the API. */
  @Column('text', { name: 'client_secret_sealed' }) clientSecretSealed: string;
  @Column('text', { array: true }) domains: string[];
  /** Password sign-in is refused for the tenant's users of these domains. */
  @Column('boolean', { default: false }) required: boolean;
  /** The last sign-in through this connection (requiring SSO needs one: the setup is known to work). */
  @Column('timestamptz', { name: 'last_sign_in_at', nullable: true }) lastSignInAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** An e-mail domain claimed by one tenant's connection (the primary key makes a domain one tenant's). */
@Entity('sso_domains')
export class SsoDomainEntity {
  @PrimaryColumn('text') domain: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
}
