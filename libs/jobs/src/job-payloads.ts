/** Job names (`<noun>.<verb>`) and their payloads: ids and small scalars, never whole entities. */
export interface JobPayloads {
  'contract.parse': { tenantId: string; contractId: string; parseVersion: number };
  'contracts.sweep': Record<string, never>;
}
export type JobName = keyof JobPayloads;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidPayloadError extends Error {}

/** Validates a payload on dequeue; a malformed one is a permanent failure. */
export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayloads[N] {
  const d = (data ?? {}) as Record<string, unknown>;
  switch (name) {
    case 'contract.parse':
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId)) throw new InvalidPayloadError('tenantId');
      if (typeof d.contractId !== 'string' || !UUID.test(d.contractId)) throw new InvalidPayloadError('contractId');
      if (!Number.isInteger(d.parseVersion)) throw new InvalidPayloadError('parseVersion');
      return d as unknown as JobPayloads[N];
    case 'contracts.sweep':
      return {} as JobPayloads[N];
    default:
      throw new InvalidPayloadError(`unknown job ${String(name)}`);
  }
}

/** Deterministic job ids (BullMQ forbids ':' in custom ids, so the parts are joined with '.'). */
export function parseJobId(p: JobPayloads['contract.parse']): string {
  return `contract.parse.${p.tenantId}.${p.contractId}.${p.parseVersion}`;
}
