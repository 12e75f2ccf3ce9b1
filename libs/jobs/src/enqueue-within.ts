/**
 * Waits for an enqueue at most `ms`: with Redis away, BullMQ would otherwise wait for the connection
 * indefinitely and hold up the request that asked. Rejects with "enqueue timed out" past the limit.
 */
export async function enqueueWithin<T>(add: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      add,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('enqueue timed out')), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
