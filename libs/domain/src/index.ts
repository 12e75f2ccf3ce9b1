export * from './common/domain.error';
export * from './contract/contract-terms.types';
export * from './contract/calendar-date';
export * from './contract/deadlines';
export * from './subscription/plans';
export * from './subscription/subscription';
export * from './reminder/alert-policy';
export * from './tenancy/roles';
