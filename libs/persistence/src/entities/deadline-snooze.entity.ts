import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A snooze on one notice deadline of one contract: hidden from the worklist until `until` (unique per deadline). */
@Entity('deadline_snoozes')
export class DeadlineSnoozeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'contract_id' }) contractId: string;
  @Column('date') deadline: string;
  @Column('date') until: string;
  @Column('text', { name: 'actor_type' }) actorType: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @CreateDateColumn({ name: 'snoozed_at', type: 'timestamptz' }) snoozedAt: Date;
}
