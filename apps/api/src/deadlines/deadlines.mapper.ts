import type { DeadlineView } from '@cb/persistence';
import type { DeadlineDto } from './dto/deadline.dto';

/** `obligationId` appears only on obligation deadlines. */
export function toDeadlineDto({ obligationId, ...d }: DeadlineView): DeadlineDto {
  return obligationId ? { ...d, obligationId } : d;
}
