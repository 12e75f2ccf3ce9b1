export * from './job-options';
export * from './job-payloads';
export * from './queue-names';
export * from './redis-connection';
export * from './queue-error-log';
export * from './alerts-refresh.queue';
export * from './job-processing';
export * from './enqueue-within';
