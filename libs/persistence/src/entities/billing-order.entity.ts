import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a customer ordered from the manual (invoiced) provider; pending until an operator activates it. */
@Entity('billing_orders')
export class BillingOrderEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text') plan: string;
  @Column('text', { name: 'billing_interval' }) interval: 'month' | 'year';
  @Column('text') status: 'pending' | 'activated' | 'withdrawn';
  @Column('text') company: string;
  @Column('text', { name: 'billing_name' }) billingName: string;
  @Column('text', { name: 'billing_email' }) billingEmail: string;
  @Column('text', { name: 'vat_id', nullable: true }) vatId: string | null;
  @Column('text') currency: string;
  @Column('integer', { name: 'net_minor' }) netMinor: number;
  @Column('integer', { name: 'vat_minor' }) vatMinor: number;
  @Column('integer', { name: 'total_minor' }) totalMinor: number;
  @Column('numeric', {
    name: 'vat_rate',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  vatRate: number;
  @Column('boolean', { name: 'reverse_charge' }) reverseCharge: boolean;
  /** A plan change during a paid period: the credit and charge the customer confirmed. */
  @Column('jsonb', { nullable: true }) proration: Record<string, unknown> | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
