// Three tiers: unit specs beside the code (pure), integration specs against the real PostgreSQL and
// Redis, and e2e specs that drive the API over HTTP. `npm test` runs them all.
const { pathsToModuleNameMapper } = require('ts-jest');

// The AWS SDK warns once per process that its 2027 releases need Node 22 (README: Node versions); in the
// test output that warning says nothing about the code under test.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { compilerOptions } = require('./tsconfig.json');

const base = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  setupFilesAfterEnv: ['<rootDir>/test/support/after-env.ts'],
};

module.exports = {
  // Generous per-test (and per-hook) time: CI machines have two cores shared by the server, the worker and the
  // tests. Jest reads testTimeout from the top level only (in a project it is ignored: hooks got 5 s).
  testTimeout: 30_000,
  // Time a Jest worker gets to exit once its files are done. Every file closes what it opens (checked with
  // --detectOpenHandles and a probe of the workers' live resources), but on a loaded two-core machine a worker
  // holding a large heap can need more than the default 500 ms to exit, and Jest then reports it as leaking.
  // A real leak never exits, so it is still reported, 5 s later.
  workerGracefulExitTimeout: 5_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/{unit,security}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/{e2e,security}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
