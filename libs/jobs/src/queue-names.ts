/** Queue names are part of the deployed state in Redis: never rename one. */
export const QUEUES = {
  documentExtraction: 'document-extraction',
  maintenance: 'maintenance',
  notifications: 'notifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
