import type { EvidenceSpan, ObligationKind } from '@cb/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('obligations')
export class ObligationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'contract_id' }) contractId: string;
  @Column('integer') position: number;
  @Column('text', { nullable: true }) party: string | null;
  @Column('text') kind: ObligationKind;
  @Column('text') text: string;
  @Column('date', { name: 'due_date', nullable: true }) dueDate: string | null;
  @Column('text', { nullable: true }) recurrence: string | null;
  @Column('text', { default: 'open' }) status: string;
  @Column('jsonb', { default: () => "'[]'" }) evidence: EvidenceSpan[];
}
