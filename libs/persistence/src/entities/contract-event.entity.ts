import type { ContractEventType, ContractStatus } from '@cb/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** What a contract event carries besides its ids: the title and, for a failure, the reason. */
export interface ContractEventData {
  title: string;
  error?: { code: string; message: string };
}

/** The outbox row of a finished parse (see migration ContractEvents). */
@Entity('contract_events')
export class ContractEventEntity {
  @PrimaryColumn('bigint', {
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  id: number;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'contract_id' }) contractId: string;
  @Column('integer', { name: 'parse_version' }) parseVersion: number;
  @Column('text') type: ContractEventType;
  @Column('text') status: Exclude<ContractStatus, 'processing'>;
  @Column('jsonb', { default: () => "'{}'" }) data: ContractEventData;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
}
