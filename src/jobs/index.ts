export * from './JobEvent';
export * from './Job';
export * from './Jobs';
export * from './pollJob';
export * from './pollPolicy';
