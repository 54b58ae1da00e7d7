// The four aggregates of police–community co-governance.
export {};
