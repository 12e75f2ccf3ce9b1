import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { STORAGE } from '@cb/domain';
import { LocalDiskStorage } from './local-disk.storage';

@Global()
@Module({
  providers: [{ provide: STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new LocalDiskStorage(c.storageDir) }],
  exports: [STORAGE],
})
export class StorageModule {}
