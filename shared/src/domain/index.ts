export * from './default-plan';
