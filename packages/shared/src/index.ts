export * from './errors';
export * from './ingest';
