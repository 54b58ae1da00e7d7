// @gridledger/core: the event-sourcing kernel and the four aggregates.
export * from './eventsourcing/index.js';
export * from './domain/index.js';
