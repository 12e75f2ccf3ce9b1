import { NotFoundError, ValidationError } from '@cb/domain';
import type { ContractsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { ContractRecord } from './contract-record';
import type { CorrectTerms } from './correct-terms.use-case';
import {
  locateSelection,
  readTermFromText,
  readingLanguage,
  type TextSettableField,
} from './read-term-from-text';

export interface SetTermFromTextCommand {
  tenantId: string;
  actor: Actor;
  contractId: string;
  field: TextSettableField;
  /** The text a person selected in the document. */
  text: string;
  /** The page the selection was made on (1-based), to find it there first. */
  page?: number;
}

/**
 * "Set as notice period": a person selects text in the document and sets it as a field's value. The text is
 * read with the contract's language's rules (readTermFromText); a selection that does not hold such a value is
 * a validation error with a message saying what to select. The value is then a person's correction
 * (CorrectTerms: set by a person, deadlines recomputed, out of review) with the selection as its evidence.
 */
export class SetTermFromText {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly correct: CorrectTerms,
  ) {}

  async execute(cmd: SetTermFromTextCommand): Promise<ContractRecord> {
    const contract = await this.db.run(cmd.tenantId, () =>
      this.contracts.getWithText(cmd.tenantId, cmd.contractId),
    );
    if (!contract) throw new NotFoundError('Contract');
    const reading = readTermFromText(cmd.field, cmd.text, readingLanguage(contract.language));
    if ('error' in reading)
      throw new ValidationError(reading.error, [{ field: 'text', message: reading.error }]);
    const span = locateSelection(
      contract.text ?? '',
      contract.pageStarts ?? [0],
      cmd.text,
      cmd.page,
    );
    return this.correct.execute(
      {
        tenantId: cmd.tenantId,
        actor: cmd.actor,
        contractId: cmd.contractId,
        terms: { [cmd.field]: reading.value },
      },
      span ? { [cmd.field]: [span] } : {},
    );
  }
}
