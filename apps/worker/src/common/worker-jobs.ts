import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRegistry, QUEUES } from '@cb/jobs';

/**
 * The worker's handler map: every processor registers its queue's handlers when it is built, and before any
 * worker takes a job (onModuleInit runs before the processors start in onApplicationBootstrap) the map is
 * checked: a job name without a handler, or with two, stops the process.
 */
@Injectable()
export class WorkerJobs extends JobRegistry implements OnModuleInit {
  onModuleInit(): void {
    this.verify(Object.values(QUEUES));
  }
}
