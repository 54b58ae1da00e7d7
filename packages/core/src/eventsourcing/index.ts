// The event-sourcing kernel: envelope, store port, errors, registry, deciders.
export * from './envelope.js';
export * from './errors.js';
export * from './store.js';
export * from './decider.js';
export * from './registry.js';
export * from './aggregate.js';
export * from './readModelStore.js';
export { parseOrThrow, issuesFromZod } from './validation.js';
