import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { JobPublisher } from './job-publisher';
import { LiveSignal } from './live-signal';

/** The producer side of the queues, for the API and the worker: the job publisher and the live signal. */
@Module({
  providers: [
    {
      provide: JobPublisher,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new JobPublisher(c),
    },
    { provide: LiveSignal, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new LiveSignal(c) },
  ],
  exports: [JobPublisher, LiveSignal],
})
export class JobsModule implements OnApplicationShutdown {
  constructor(
    @Inject(JobPublisher) private readonly publisher: JobPublisher,
    @Inject(LiveSignal) private readonly signal: LiveSignal,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.signal.close();
    await this.publisher.close();
  }
}
