import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { STORAGE, type StoragePort } from '@cb/domain';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage, createS3Client, s3ScratchDir } from './s3.storage';

/** The storage port for the configured driver: local disk by default, S3-compatible object storage for clusters. */
export function createStorage(config: AppConfig): StoragePort {
  return config.storage.driver === 's3'
    ? new S3Storage(
        createS3Client(config.storage),
        config.storage.bucket,
        s3ScratchDir(config.storageDir),
      )
    : new LocalDiskStorage(config.storageDir);
}

@Module({
  providers: [{ provide: STORAGE, inject: [APP_CONFIG], useFactory: createStorage }],
  exports: [STORAGE],
})
export class StorageModule {}
