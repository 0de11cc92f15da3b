export * from './chat-api';
export * from './dashboard-api';
export * from './errors';
export * from './ingest';
