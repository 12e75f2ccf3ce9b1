import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('subscriptions')
export class SubscriptionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text') plan: string;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'trial_ends_at', nullable: true }) trialEndsAt: Date | null;
  @Column('timestamptz', { name: 'current_period_end', nullable: true })
  currentPeriodEnd: Date | null;
  @Column('timestamptz', { name: 'canceled_at', nullable: true }) canceledAt: Date | null;
  @Column('timestamptz', { name: 'trial_reminder_sent_at', nullable: true })
  trialReminderSentAt: Date | null;
  @Column('text', { name: 'billing_interval', nullable: true }) interval: 'month' | 'year' | null;
  @Column('timestamptz', { name: 'current_period_start', nullable: true })
  currentPeriodStart: Date | null;
  @Column('text', { name: 'stripe_customer_id', nullable: true }) stripeCustomerId: string | null;
  @Column('text', { name: 'stripe_subscription_id', nullable: true })
  stripeSubscriptionId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
