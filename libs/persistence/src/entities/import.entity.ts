import type { ImportRow } from '@cb/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

const bigint = { to: (v: number) => v, from: (v: string) => Number(v) };

/** One bulk import: the stored ZIP, its metadata CSV rows, and how far the worker got. */
@Entity('imports')
export class ImportEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('bigint', { name: 'file_size', transformer: bigint }) fileSize: number;
  @Column('text', { name: 'storage_key' }) storageKey: string;
  @Column('jsonb', { default: () => "'[]'" }) metadata: ImportRow[];
  @Column('text', { name: 'actor_type' }) actorType: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  /** Files in the ZIP (known once the worker has read its central directory). */
  @Column('integer', { nullable: true }) total: number | null;
  /** When every entry had its outcome (the contracts may still be parsing). */
  @Column('timestamptz', { name: 'expanded_at', nullable: true }) expandedAt: Date | null;
  @Column('text', { name: 'error_code', nullable: true }) errorCode: string | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export type ImportItemOutcome = 'pending' | 'created' | 'duplicate' | 'failed';

/** One file of an import and what became of it. */
@Entity('import_items')
export class ImportItemEntity {
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'import_id' }) importId: string;
  @PrimaryColumn('integer') position: number;
  @Column('text') path: string;
  @Column('text', { default: 'pending' }) outcome: ImportItemOutcome;
  @Column('uuid', { name: 'contract_id', nullable: true }) contractId: string | null;
  @Column('text', { nullable: true }) message: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
