// The layering, checked by `npm test` (npm run lint:layers). docs/architecture.md explains the layers.
// A forbidden import fails with the rule's name and comment.
const SDKS = '(@slack|@microsoft|botbuilder[^/]*|postgres|@electric-sql|drizzle-orm|drizzle-kit|pino|vega|@resvg|node-cron|openai|yaml|ics|csv-stringify)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-config',
      comment: 'src/core is handed its settings (src/core/settings.ts); only the composition root reads src/config.ts.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/config\\.ts$' },
    },
    {
      name: 'core-not-db',
      comment: 'src/core talks to storage through the interfaces of src/core/stores.ts; implementations live in src/db/stores/.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '^src/core/stores\\.ts$' },
      to: { path: '^src/db/' },
    },
    {
      name: 'core-stores-only-schema',
      comment: 'src/core/stores.ts may take the row shapes from the drizzle schema, nothing else of src/db.',
      severity: 'error',
      from: { path: '^src/core/stores\\.ts$' },
      to: { path: '^src/db/', pathNot: '^src/db/schema/' },
    },
    {
      name: 'core-not-outer-layers',
      comment: 'src/core is the inner layer: it imports no adapter, report rendering, HTTP, scheduler, outbox, CLI or logger module.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(adapters/|src/(report|http|scheduler|outbox)/|src/(cli|log)\\.ts$)' },
    },
    {
      name: 'core-no-sdk',
      comment: 'src/core uses no platform SDK, database driver, ORM, logger or renderer; ports in src/core/ports.ts stand for them.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: `node_modules/${SDKS}/` },
    },
    {
      name: 'adapters-not-db',
      comment: 'adapters/ reach storage only through ports the core declares (e.g. ConversationRefs), handed in by the composition root.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'adapters-not-config',
      comment: 'adapters/ are handed their setup (e.g. TeamsSetup) and the core settings; src/config.ts is read by the composition root only.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^src/config\\.ts$' },
    },
    {
      name: 'db-not-core-logic',
      comment: 'src/db implements the core\'s store interfaces; it imports core types (and the closed vocabulary), not core behaviour.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/core/', pathNot: '^src/core/(stores|ports|settings|model|vocabulary)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
