export * from './alert-message';
export * from './log.mailer';
export * from './mailer.port';
export * from './notifications.module';
export * from './smtp.mailer';
export * from './digest-message';
export * from './url-safety';
export * from './webhook-signature';
