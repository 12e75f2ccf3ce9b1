import type { AlertLanguage } from '@cb/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('alert_settings')
export class AlertSettingsEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('integer', { name: 'lead_days', array: true }) leadDays: number[];
  @Column('text', { array: true, default: () => "'{}'" }) recipients: string[];
  @Column('text') timezone: string;
  @Column('text', { default: 'en' }) language: AlertLanguage;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
