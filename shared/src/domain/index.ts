export * from './default-plan';
export * from './working-time';
export * from './sla';
export * from './pairing';
export * from './on-time';
export * from './percentiles';
export * from './cadence';
export * from './overdue';
