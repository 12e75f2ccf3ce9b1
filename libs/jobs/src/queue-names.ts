/** Queue names are part of the deployed state in Redis: never rename one. */
export const QUEUES = {
  documentExtraction: 'document-extraction',
  maintenance: 'maintenance',
  notifications: 'notifications',
  /** Webhook deliveries, apart so a slow receiver never holds up e-mail or parsing. */
  webhooks: 'webhooks',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
