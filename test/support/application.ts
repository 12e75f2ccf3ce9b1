import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApplicationModule } from '../../libs/application/src/application.module';
import { AppConfigModule } from '../../libs/config/src/config.module';
import type { AppConfig } from '../../libs/config/src/app-config';

/** The application layer alone (use cases over the real database, storage, mailer and queues), no API or worker. */
export async function createApplicationContext(
  config: AppConfig,
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppConfigModule.forRoot(config), ApplicationModule],
  }).compile();
  return moduleRef.init();
}
