// Runs the real worker (apps/worker) from its TypeScript sources in a child process, so a test can kill it
// with SIGKILL in the middle of a job. Each .ts file is transpiled on require (no type check; the suite's
// typecheck covers that) and the @cb/* paths resolve through tsconfig-paths. Configuration comes from the
// environment, like a deployed worker's. Prints "worker ready" once it has started.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '../..');
const tsconfig = require(path.join(root, 'tsconfig.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
      isolatedModules: true,
    },
  });
  module._compile(outputText, filename);
};
require('reflect-metadata');
const { loadConfig } = require(path.join(root, 'libs/config/src/app-config.ts'));
const { createWorkerApp } = require(path.join(root, 'apps/worker/src/worker.factory.ts'));
createWorkerApp(loadConfig(process.env), { schedules: false }).then(
  () => console.log('worker ready'),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
