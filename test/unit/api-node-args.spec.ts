import fs from 'node:fs';
import path from 'node:path';

// scripts/ is plain CommonJS (it runs before anything is built).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_NODE_ARGS } = require('../../scripts/api-node-args.js') as { API_NODE_ARGS: string[] };

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

// The API's node flags (scripts/api-node-args.js) cannot be set from inside the process: every way the product
// starts the API passes them on the command line. api-cluster.e2e checks that the cluster's workers get them.
describe("the API's node flags", () => {
  it("size V8's garbage-collection helper pool for a machine it shares", () => {
    expect(API_NODE_ARGS).toContain('--v8-pool-size=1');
  });

  it('are on the Docker image command line', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('docker/Dockerfile'));
    expect(cmd).not.toBeNull();
    expect(JSON.parse(cmd![1])).toEqual(['node', ...API_NODE_ARGS, 'dist/apps/api/src/main.js']);
  });

  it('are on the command line of npm run start:api', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['start:api']).toContain(
      `node ${API_NODE_ARGS.join(' ')} dist/apps/api/src/main.js`,
    );
  });

  it('are passed by npm start (scripts/start.js) and by bench:api to the API only', () => {
    expect(read('scripts/start.js')).toMatch(
      /args: \[\.\.\.\(app === 'api' \? API_NODE_ARGS : \[\]\), `dist\/apps\/\$\{app\}\/src\/main\.js`\]/,
    );
    expect(read('bench/api.mjs')).toMatch(/\.\.\.apiNodeArgs\.API_NODE_ARGS,/);
  });
});
