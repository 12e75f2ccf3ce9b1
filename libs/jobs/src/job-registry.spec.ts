import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobRegistry, JobRegistryError } from './job-registry';
import { QUEUES } from './queue-names';

const noop = () => Promise.resolve(undefined);
const job = (name: string, data: unknown, attemptsMade = 0) =>
  ({ name, data, attemptsMade, opts: { attempts: 3 }, id: '1' }) as unknown as Job;

describe('the job registry, checked at boot', () => {
  it('accepts one handler per job of the queues it runs', () => {
    const jobs = new JobRegistry();
    jobs.register(QUEUES.webhooks, { 'webhook.deliver': noop, 'webhooks.recover': noop });
    expect(() => jobs.verify([QUEUES.webhooks])).not.toThrow();
  });

  it('stops the process when a job has no handler', () => {
    const jobs = new JobRegistry();
    jobs.register(QUEUES.webhooks, { 'webhook.deliver': noop });
    expect(() => jobs.verify([QUEUES.webhooks])).toThrow(JobRegistryError);
    expect(() => jobs.verify([QUEUES.webhooks])).toThrow('no handler for webhooks.recover');
  });

  it('stops the process when a job has two handlers, or a handler on the wrong queue', () => {
    const twice = new JobRegistry();
    twice.register(QUEUES.webhooks, { 'webhook.deliver': noop, 'webhooks.recover': noop });
    twice.register(QUEUES.webhooks, { 'webhook.deliver': noop });
    expect(() => twice.verify([QUEUES.webhooks])).toThrow('two handlers for webhook.deliver');
    const misplaced = new JobRegistry();
    misplaced.register(QUEUES.alerts, { 'webhook.deliver': noop });
    expect(() => misplaced.verify([])).toThrow('webhook.deliver runs on webhooks, not alerts');
  });

  it('validates the payload before the handler sees it, and refuses unknown jobs for good', async () => {
    const seen: unknown[] = [];
    const jobs = new JobRegistry();
    jobs.register(QUEUES.alerts, {
      'alerts.refresh': (p) => {
        seen.push(p);
        return Promise.resolve('ok');
      },
    });
    const tenantId = randomUUID();
    await expect(
      jobs.dispatch(QUEUES.alerts, job('alerts.refresh', { tenantId, extra: 1 })),
    ).resolves.toBe('ok');
    expect(seen).toEqual([{ tenantId }]);
    await expect(
      jobs.dispatch(QUEUES.alerts, job('alerts.refresh', { tenantId: 'x' })),
    ).rejects.toThrow(UnrecoverableError);
    await expect(jobs.dispatch(QUEUES.alerts, job('alerts.nothing', {}))).rejects.toThrow(
      UnrecoverableError,
    );
  });

  it('calls the final-failure handler only after the last attempt', async () => {
    const gaveUp: string[] = [];
    const jobs = new JobRegistry();
    const payload = { tenantId: randomUUID(), contractId: randomUUID(), parseVersion: 1 };
    jobs.register(
      QUEUES.documentExtraction,
      { 'contract.parse': noop },
      { 'contract.parse': (_p, reason) => Promise.resolve(void gaveUp.push(reason)) },
    );
    // Each failed attempt is logged once (captured here, asserted below, not printed).
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await jobs.failed(job('contract.parse', payload, 1), new Error('boom'));
      expect(gaveUp).toEqual([]);
      await jobs.failed(job('contract.parse', payload, 3), new Error('boom'));
      expect(gaveUp).toEqual(['boom']);
      expect(warn.mock.calls).toEqual([
        [expect.objectContaining({ attemptsMade: 1, err: 'boom' }), 'Job attempt failed'],
        [expect.objectContaining({ attemptsMade: 3, err: 'boom' }), 'Job attempt failed'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
