import type { ContractEventEntity } from '@cb/persistence';
import type { ContractEventDto } from './dto/contract-event.dto';

export function toContractEventDto(e: ContractEventEntity): ContractEventDto {
  return {
    id: e.id,
    type: e.type,
    contractId: e.contractId,
    status: e.status,
    parseVersion: e.parseVersion,
    title: e.data.title,
    ...(e.data.error ? { error: e.data.error } : {}),
    createdAt: e.createdAt.toISOString(),
  };
}
