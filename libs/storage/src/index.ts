export * from './local-disk.storage';
export * from './s3.storage';
export * from './spool';
export * from './storage.module';
