import { randomUUID } from 'node:crypto';
import {
  InvalidPayloadError,
  MAX_ALERT_BATCH,
  alertsSendJobId,
  parsePayload,
} from './job-payloads';

describe('alerts.send payloads', () => {
  const tenantId = randomUUID();

  it('accepts a tenant and 1 to MAX_ALERT_BATCH alert ids, and names the job by its first alert', () => {
    const alertIds = [randomUUID(), randomUUID()];
    const p = parsePayload('alerts.send', { tenantId, alertIds, extra: 'dropped' });
    expect(p).toEqual({ tenantId, alertIds });
    expect(alertsSendJobId(p)).toBe(`alerts.send.${tenantId}.${alertIds[0]}`);
    expect(
      parsePayload('alerts.send', {
        tenantId,
        alertIds: Array.from({ length: MAX_ALERT_BATCH }, () => randomUUID()),
      }).alertIds,
    ).toHaveLength(MAX_ALERT_BATCH);
  });

  it.each([
    ['no ids', { tenantId, alertIds: [] }],
    [
      'too many ids',
      { tenantId, alertIds: Array.from({ length: MAX_ALERT_BATCH + 1 }, () => randomUUID()) },
    ],
    ['a malformed id', { tenantId, alertIds: [randomUUID(), 'x'] }],
    ['ids not in a list', { tenantId, alertIds: randomUUID() }],
    ['no tenant', { alertIds: [randomUUID()] }],
  ])('refuses %s', (_name, data) => {
    expect(() => parsePayload('alerts.send', data)).toThrow(InvalidPayloadError);
  });
});
