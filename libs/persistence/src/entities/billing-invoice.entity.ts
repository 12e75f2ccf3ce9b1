import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An invoice of the manual provider (issued when an operator activates an order); paid = receipt. */
@Entity('billing_invoices')
export class BillingInvoiceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'order_id', nullable: true }) orderId: string | null;
  @Column('text') number: string;
  @Column('text') status: 'open' | 'paid' | 'void';
  @Column('text') description: string;
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
  @Column('timestamptz', { name: 'period_start', nullable: true }) periodStart: Date | null;
  @Column('timestamptz', { name: 'period_end', nullable: true }) periodEnd: Date | null;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt: Date | null;
}
