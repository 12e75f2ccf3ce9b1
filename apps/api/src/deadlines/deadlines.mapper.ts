import type { ListedDeadline } from '@cb/application';
import type { DeadlineDto } from './dto/deadline.dto';

/** `obligationId` appears only on obligation deadlines; the worklist fields only on undecided ones. */
export function toDeadlineDto({ obligationId, ...d }: ListedDeadline): DeadlineDto {
  return obligationId ? { ...d, obligationId } : d;
}
