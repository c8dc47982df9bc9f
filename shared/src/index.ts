export * from './schemas/index';
export * from './domain/index';
