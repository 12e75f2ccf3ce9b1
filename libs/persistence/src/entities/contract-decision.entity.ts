import type { DecisionKind } from '@cb/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A decision on one notice deadline of one contract (unique per contract and deadline). */
@Entity('contract_decisions')
export class ContractDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'contract_id' }) contractId: string;
  @Column('date') deadline: string;
  @Column('date', { name: 'term_end' }) termEnd: string;
  @Column('text') decision: DecisionKind;
  @Column('date', { name: 'notice_sent_on', nullable: true }) noticeSentOn: string | null;
  @Column('text', { nullable: true }) note: string | null;
  @Column('text', { name: 'actor_type' }) actorType: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' }) decidedAt: Date;
}
