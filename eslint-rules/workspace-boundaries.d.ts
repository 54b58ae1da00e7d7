// Types for the rule module, so the TypeScript tests that run it type-check.
import type { Rule } from 'eslint';

declare const workspaceBoundaries: Rule.RuleModule;
export default workspaceBoundaries;
