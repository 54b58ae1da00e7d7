// The version `gridledger --version` prints: the package's own, bundled into the build.
import packageJson from '../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
