/** Queue names are part of the deployed state in Redis: never rename one. */
export const QUEUES = {
  documentExtraction: 'document-extraction',
  maintenance: 'maintenance',
  /**
   * The alert scan tick and the per-tenant alert jobs, apart from the sends: a backlog of e-mails never
   * delays the next scan, and the scan never waits behind a slow SMTP server.
   */
  alerts: 'alerts',
  /** Alert and digest e-mails. */
  notifications: 'notifications',
  /** Webhook deliveries, apart so a slow receiver never holds up e-mail or parsing. */
  webhooks: 'webhooks',
  /** Finished parses (the contract_events outbox) handed to webhooks, alerts and the live status. */
  contractEvents: 'contract-events',
  /** Bulk imports: one long job per ZIP (its entries become contracts, whose parses go to documentExtraction). */
  imports: 'imports',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
