import { restartDelayMs } from './api-cluster';

describe('API cluster: restarting a crashed worker', () => {
  it('restarts a worker that had run a while at once', () => {
    expect(restartDelayMs(0)).toBe(0);
  });

  it('backs off a worker that keeps crashing: 500 ms doubling, at most 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(restartDelayMs)).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});
