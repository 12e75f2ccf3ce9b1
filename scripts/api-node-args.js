// The node flags every API process is started with (`npm start`, `npm run start:api`, the Docker image and
// bench:api); with API_WORKERS > 1 the cluster's workers inherit them from the first process.
//
// --v8-pool-size=1: V8's garbage collector runs its parallel phases (a young-generation scavenge, marking,
// compaction) on a pool of helper threads, four by default, and the collection waits for all of them. On a
// machine whose cores are already busy (PostgreSQL, another API process), those helpers wait for a core, and a
// 5 ms collection stalls the process for 50 to 100 ms: every request that arrived meanwhile waits. At 200
// requests/s that was the API's p99 (docs/benchmarks.md, API, the round of 2026-12-08: the deadlines' p99
// 50-55 ms with the default pool, 13-21 ms with one helper thread, at the same CPU per request).
module.exports = { API_NODE_ARGS: ['--v8-pool-size=1'] };
