import { Worker } from 'node:worker_threads';

/**
 * Samples the process's resident set size every 2 ms from a separate thread, so the peak is seen even while
 * the main thread is busy inside a synchronous inflate. `stop()` returns the highest RSS observed in bytes.
 */
export async function watchPeakRss(): Promise<{ stop(): Promise<number> }> {
  const shared = new SharedArrayBuffer(16);
  const cells = new BigInt64Array(shared);
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const cells = new BigInt64Array(workerData);
     const sample = () => {
       const rss = BigInt(process.memoryUsage.rss());
       if (rss > Atomics.load(cells, 0)) Atomics.store(cells, 0, rss);
       Atomics.store(cells, 1, 1n);
     };
     sample();
     setInterval(sample, 2);`,
    { eval: true, workerData: shared },
  );
  // Wait for the first sample so a short operation is not missed.
  while (Atomics.load(cells, 1) === 0n) await new Promise((resolve) => setTimeout(resolve, 1));
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const peak = Number(Atomics.load(cells, 0));
      await worker.terminate();
      return peak;
    },
  };
}

/** Runs `run` and returns its result with how far this process's RSS peaked above where it started. */
export async function peakRssGrowth<T>(
  run: () => Promise<T>,
): Promise<{ result: T; growth: number }> {
  const watch = await watchPeakRss();
  const before = process.memoryUsage.rss();
  const result = await run();
  return { result, growth: (await watch.stop()) - before };
}
