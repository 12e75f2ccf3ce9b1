import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('alert_digests')
export class AlertDigestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text') recipient: string;
  @Column('date', { name: 'week_start' }) weekStart: string;
  @Column('text', { default: 'pending' }) status: 'pending' | 'sent' | 'failed';
  @Column('text', { nullable: true }) error: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
