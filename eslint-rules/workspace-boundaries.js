// Lint rule `gridledger/workspace-boundaries`: the workspace's dependency rules, checked on every
// import so CI's `pnpm lint` fails on a violation (docs/architecture.md, decision 008).
// - A relative import stays inside its own package: another package's files (its fixtures, its
//   src/) are reached by the package's name and one of the entry points it exports.
// - `@gridledger/x/src/…` or `@gridledger/x/dist/…` deep paths are refused for the same reason.
// - A package imports only the workspace packages its package.json declares, and never one that
//   depends back on it (directly or not): the import would close a dependency cycle.
// - A package whose package.json dependencies form a cycle is reported on its entry file.
// The workspace is read from pnpm-workspace.yaml and the package.json files it names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKSPACE = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const workspaces = new Map();

function readWorkspace(ROOT) {
  const known = workspaces.get(ROOT);
  if (known !== undefined) return known;
  const yaml = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.matchAll(/^\s+-\s+['"]?([\w.-]+)\/\*['"]?\s*$/gm)].map((m) => m[1]);
  const packages = new Map();
  const add = (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const deps = Object.keys({
      ...manifest.dependencies,
      ...manifest.devDependencies,
      ...manifest.peerDependencies,
    });
    const source = manifest.exports?.['.']?.['@gridledger/source'] ?? manifest.exports?.['.'];
    packages.set(manifest.name, {
      name: manifest.name,
      dir,
      deps,
      entry: typeof source === 'string' ? resolve(dir, source) : undefined,
    });
  };
  add(ROOT);
  for (const group of globs) {
    const base = join(ROOT, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      if (existsSync(join(base, name, 'package.json'))) add(join(base, name));
    }
  }
  for (const pkg of packages.values()) pkg.deps = pkg.deps.filter((dep) => packages.has(dep));
  workspaces.set(ROOT, packages);
  return packages;
}

/** The packages `from` depends on, directly or not, with the path to each. */
function reachable(packages, from) {
  const paths = new Map();
  const walk = (name, path) => {
    for (const dep of packages.get(name)?.deps ?? []) {
      if (paths.has(dep)) continue;
      paths.set(dep, [...path, dep]);
      walk(dep, [...path, dep]);
    }
  };
  walk(from, [from]);
  return paths;
}

const short = (name) => name.replace('@gridledger/', '');

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep workspace packages apart: no deep imports, no dependency cycles' },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          /** The workspace root (default: this repository); for the rule's own tests. */
          root: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      crossPackage:
        "'{{spec}}' reaches into {{target}}'s files from {{own}}: import {{target}} by its name, from an entry point it exports",
      deepPath:
        "'{{spec}}' is a path inside {{target}}: import one of the entry points its package.json exports",
      undeclared:
        '{{own}} imports {{target}} without declaring it in its package.json dependencies',
      cycle:
        '{{own}} may not import {{target}}: {{path}} already, so this would be a dependency cycle',
      manifestCycle: "{{own}}'s package.json dependencies form a cycle: {{path}}",
    },
  },
  create(context) {
    const file = context.filename;
    if (!isAbsolute(file)) return {};
    const ROOT = context.options[0]?.root ?? WORKSPACE;
    const allow = new Set((context.options[0]?.allow ?? []).map((path) => resolve(ROOT, path)));
    const packages = readWorkspace(ROOT);
    const ownerOf = (path) => {
      let best;
      for (const pkg of packages.values()) {
        const inside = path === pkg.dir || path.startsWith(pkg.dir + sep);
        if (inside && (best === undefined || pkg.dir.length > best.dir.length)) best = pkg;
      }
      return best;
    };
    const own = ownerOf(file);
    if (own === undefined) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const owner = ownerOf(target);
        if (owner === undefined || owner === own) return;
        const base = target.replace(/\.(js|ts)$/, '');
        if (allow.has(target) || allow.has(`${base}.ts`) || allow.has(`${base}.js`)) return;
        context.report({
          node,
          messageId: 'crossPackage',
          data: { spec, target: owner.name, own: own.name },
        });
        return;
      }
      const match = /^(@gridledger\/[^/]+)(?:\/(.*))?$/.exec(spec);
      if (match === null || !packages.has(match[1])) return;
      const target = match[1];
      if (match[2] !== undefined && /^(src|dist)(\/|$)/.test(match[2])) {
        context.report({ node, messageId: 'deepPath', data: { spec, target } });
        return;
      }
      if (target === own.name) return;
      if (!own.deps.includes(target)) {
        context.report({ node, messageId: 'undeclared', data: { own: own.name, target } });
        return;
      }
      const back = reachable(packages, target).get(own.name);
      if (back !== undefined) {
        context.report({
          node,
          messageId: 'cycle',
          data: { own: own.name, target, path: back.map(short).join(' → ') },
        });
      }
    }

    const source = (node) => check(node.source, node.source?.value);
    return {
      Program(node) {
        if (own.entry !== file) return;
        const loop = reachable(packages, own.name).get(own.name);
        if (loop !== undefined) {
          context.report({
            node,
            messageId: 'manifestCycle',
            data: { own: own.name, path: loop.map(short).join(' → ') },
          });
        }
      },
      ImportDeclaration: source,
      ExportNamedDeclaration: (node) => node.source && source(node),
      ExportAllDeclaration: source,
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
