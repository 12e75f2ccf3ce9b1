import type {
  AmendmentReference,
  ContractStatus,
  ContractTerms,
  EvidenceSpan,
  ReviewReason,
  TermConfidence,
  TermEvidence,
  TermField,
} from '@cb/domain';

/** A value a reviewer can pick for a field (the extraction engine's candidates, stored as it gave them). */
export interface StoredCandidate {
  value: unknown;
  confidence: number;
  evidence: EvidenceSpan[];
}
export type StoredCandidates = Partial<Record<TermField, StoredCandidate[]>>;
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Why a parse proposes a master: the sentence of the document that calls it an amendment. */
export type ParentSuggestion = AmendmentReference;

@Entity('contracts')
export class ContractEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { nullable: true }) title: string | null;
  @Column('text') status: ContractStatus;
  @Column('text', { name: 'error_code', nullable: true }) errorCode: string | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage: string | null;
  @Column('text', { nullable: true }) counterparty: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) tags: string[];
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('bigint', {
    name: 'file_size',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  fileSize: number;
  @Column('text', { name: 'file_sha256' }) fileSha256: string;
  @Column('text', { name: 'media_type' }) mediaType: string;
  @Column('text', { name: 'storage_key' }) storageKey: string;
  @Column('integer', { nullable: true }) pages: number | null;
  @Column('integer', { name: 'ocr_pages', array: true, default: () => "'{}'" }) ocrPages: number[];
  @Column('text', { nullable: true, select: false }) text: string | null;
  @Column('integer', { name: 'page_starts', array: true, nullable: true, select: false })
  pageStarts: number[] | null;
  @Column('jsonb', { name: 'extracted_terms', nullable: true })
  extractedTerms: ContractTerms | null;
  @Column('jsonb', { name: 'user_terms', default: () => "'{}'" }) userTerms: Partial<ContractTerms>;
  @Column('jsonb', { nullable: true }) terms: ContractTerms | null;
  @Column('jsonb', { default: () => "'{}'" }) evidence: TermEvidence;
  @Column('jsonb', { default: () => "'{}'" }) confidence: TermConfidence;
  /** Detected language (en, fi, sv, another ISO 639-1 code, und); null before a parse finished. */
  @Column('text', { nullable: true }) language: string | null;
  @Column('jsonb', { name: 'review_reasons', default: () => "'[]'" })
  reviewReasons: ReviewReason[];
  @Column('jsonb', { default: () => "'{}'" }) candidates: StoredCandidates;
  @Column('date', { name: 'notice_deadline', nullable: true }) noticeDeadline: string | null;
  @Column('date', { name: 'next_renewal_date', nullable: true }) nextRenewalDate: string | null;
  @Column('date', { name: 'expiration_date', nullable: true }) expirationDate: string | null;
  /** The renewal the notice deadline stops (a later one than nextRenewalDate when that can no longer be). */
  @Column('date', { name: 'notice_renewal_date', nullable: true }) noticeRenewalDate: string | null;
  /** The notice deadline decisions answer now (the current term's, or a termination's). */
  @Column('date', { name: 'decision_deadline', nullable: true }) decisionDeadline: string | null;
  /** The day the contract ends after notice of termination was sent (no further renewals). */
  @Column('date', { name: 'ending_on', nullable: true }) endingOn: string | null;
  /** The master agreement this contract amends (same tenant), or null. */
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  /** The master a parse proposes for a document that calls itself an amendment, until a person links it. */
  @Column('uuid', { name: 'suggested_parent_id', nullable: true }) suggestedParentId: string | null;
  @Column('jsonb', { name: 'parent_suggestion', nullable: true })
  parentSuggestion: ParentSuggestion | null;
  /** The user responsible for the contract (same tenant), or null. */
  @Column('uuid', { name: 'owner_id', nullable: true }) ownerId: string | null;
  /** When its owner was removed from the team (alerts go to the admins until a new owner is set), or null. */
  @Column('timestamptz', { name: 'owner_removed_at', nullable: true }) ownerRemovedAt: Date | null;
  @Column('integer', { name: 'parse_version', default: 1 }) parseVersion: number;
  @Column('integer', { name: 'parse_attempts', default: 0 }) parseAttempts: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
