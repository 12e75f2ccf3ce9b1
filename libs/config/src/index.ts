export * from './app-config';
export * from './config.module';
export * from './process-guards';
export * from './secret-policy';
export * from './secret-box';
