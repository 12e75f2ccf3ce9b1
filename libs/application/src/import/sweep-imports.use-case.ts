import { IMPORT_IDLE_AFTER_MS, type JobPublisher } from '@cb/jobs';
import type { UnfinishedImportsQuery } from '@cb/persistence';

/** Tick: imports left unfinished with no progress for a while lost their job; enqueue it again (same id). */
export class SweepImports {
  constructor(
    private readonly unfinished: UnfinishedImportsQuery,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(idleMs = IMPORT_IDLE_AFTER_MS): Promise<{ requeued: number }> {
    let requeued = 0;
    for (const p of await this.unfinished.run(idleMs)) {
      const state = await this.jobs.state('import.expand', p);
      if (state === 'active' || state === 'waiting' || state === 'delayed') continue;
      if (state === 'failed' || state === 'completed') await this.jobs.discard('import.expand', p);
      await this.jobs.tryPublish('import.expand', p);
      requeued++;
    }
    return { requeued };
  }
}
