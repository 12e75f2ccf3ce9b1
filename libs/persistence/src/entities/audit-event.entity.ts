import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditActorType = 'user' | 'apiKey' | 'operator' | 'system';

/** Append-only: the application role has no UPDATE or DELETE on this table. */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'actor_type' }) actorType: AuditActorType;
  @Column('text', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text') action: string;
  @Column('text', { name: 'target_type', nullable: true }) targetType: string | null;
  @Column('text', { name: 'target_id', nullable: true }) targetId: string | null;
  @Column('uuid', { name: 'contract_id', nullable: true }) contractId: string | null;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  // The database default is clock_timestamp(), so events within one transaction keep their order.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
