import type { DeadlineKind } from '@cb/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('deadlines')
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'contract_id' }) contractId: string;
  @Column('text') kind: DeadlineKind;
  @Column('date') date: string;
  @Column('uuid', { name: 'obligation_id', nullable: true }) obligationId: string | null;
}
