import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DeadlineKind } from '@cb/domain';

export type AlertStatus = 'pending' | 'sent' | 'failed' | 'canceled';
/** `escalation`: an e-mail to the owners and admins about a notice deadline that passed undecided. */
export type AlertChannelColumn = 'email' | 'webhook' | 'escalation';

@Entity('alerts')
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'alert_key' }) alertKey: string;
  @Column('uuid', { name: 'contract_id' }) contractId: string;
  @Column('uuid', { name: 'obligation_id', nullable: true }) obligationId: string | null;
  @Column('text') kind: DeadlineKind;
  @Column('date') deadline: string;
  @Column('integer', { name: 'lead_days' }) leadDays: number;
  @Column('text') channel: AlertChannelColumn;
  @Column('text') recipient: string;
  @Column('text', { default: 'pending' }) status: AlertStatus;
  @Column('text', { nullable: true }) error: string | null;
  @Column('integer', { default: 0 }) attempts: number;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
