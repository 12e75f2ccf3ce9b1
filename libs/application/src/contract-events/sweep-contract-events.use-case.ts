import { UNPUBLISHED_EVENT_AFTER_MS, type JobPublisher } from '@cb/jobs';
import type { UnpublishedContractEventsQuery } from '@cb/persistence';

/**
 * Contract events still unpublished a while after their commit lost their publish job (Redis was away, or
 * the process died right after the commit): they are enqueued again (a no-op for one whose job exists).
 */
export class SweepContractEvents {
  constructor(
    private readonly unpublished: UnpublishedContractEventsQuery,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(olderThanMs = UNPUBLISHED_EVENT_AFTER_MS): Promise<{ requeued: number }> {
    const rows = await this.unpublished.run(olderThanMs);
    await this.jobs.publishAll('contract-event.publish', rows);
    return { requeued: rows.length };
  }
}
