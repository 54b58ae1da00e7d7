// Given/when/then helpers for deciders, exported as @gridledger/core/testing.
export {};
