export * from './billing-provider.module';
export * from './manual-billing.provider';
export * from './stripe-billing.provider';
export * from './stripe-events.mapper';
