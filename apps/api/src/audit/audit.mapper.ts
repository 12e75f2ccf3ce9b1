import type { AuditEventEntity } from '@cb/persistence';
import type { AuditEventDto } from './dto/audit-event.dto';

export function toAuditEventDto(e: AuditEventEntity): AuditEventDto {
  return {
    id: e.id,
    action: e.action,
    actor: { type: e.actorType, id: e.actorId },
    targetType: e.targetType,
    targetId: e.targetId,
    contractId: e.contractId,
    data: e.data,
    createdAt: new Date(e.createdAt).toISOString(),
  };
}
