export * from './common/domain.error';
export * from './contract/contract-terms.types';
export * from './contract/calendar-date';
export * from './common/storage.port';
export * from './contract/deadlines';
export * from './contract/contract-terms';
export * from './subscription/plans';
export * from './subscription/subscription';
