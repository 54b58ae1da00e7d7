// Given/when/then helpers for deciders, exported as @gridledger/core/testing. They need no store.
export { given, type Given, type When } from './given.js';
export { type ExpectedError } from './expectedError.js';
export {
  defaultTestActor,
  defaultTestNow,
  testContext,
  type TestContextOptions,
} from './testContext.js';
export { fixedClock, steppingClock, type SteppingClock } from './clocks.js';
export * as xuShang from './xuShang.js';
