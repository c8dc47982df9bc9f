export * from './labels';
export * from './svg';
export * from './model';
export * from './document';
export * from './html';
export * from './markdown';
export * from './edition-diff';
