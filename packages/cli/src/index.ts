// @gridledger/cli: the `gridledger` command, also callable in-process through `main`.
export { main, overview } from './main.js';
export type { CliIo } from './io.js';
export type { Command, ParsedArgs } from './command.js';
export {
  parseStoreSpec,
  storeSpecFrom,
  DEFAULT_STORE,
  STORE_ENV,
  type StoreSpec,
} from './store-spec.js';
export { UsageError, EXIT } from './errors.js';
