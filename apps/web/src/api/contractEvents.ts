// The live status of the tenant's contracts: one server-sent-events stream per tab (GET /v1/contract-events),
// read with fetch so the bearer token goes in the Authorization header. Every subscriber shares it; it
// reconnects with backoff and resumes after the last event it saw (Last-Event-ID), and tells subscribers to
// re-read their view once connected ("ready"), so nothing that finished while it was away is missed.
import { request } from './client';
import type { ContractEvent } from './types';

export interface ContractEventListener {
  onEvent(event: ContractEvent): void;
  /** Connected (again): re-read whatever may have changed meanwhile. */
  onResync?(): void;
}

const listeners = new Set<ContractEventListener>();
let controller: AbortController | null = null;
let lastEventId: string | null = null;
let failures = 0;
let retryTimer: number | undefined;

function dispatch(block: string): void {
  let event = 'message';
  let id: string | null = null;
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data += data ? `\n${value}` : value;
  }
  if (event === 'ready') {
    failures = 0;
    listeners.forEach((l) => l.onResync?.());
  } else if (event === 'contract' && data) {
    if (id) lastEventId = id;
    const parsed = JSON.parse(data) as ContractEvent;
    listeners.forEach((l) => l.onEvent(parsed));
  }
}

async function connect(): Promise<void> {
  const own = new AbortController();
  controller = own;
  try {
    const res = await request('/v1/contract-events', {
      signal: own.signal,
      headers: {
        Accept: 'text/event-stream',
        ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
      },
    });
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no stream');
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // Aborted on purpose, the network went away, or the session ended: decided below.
  }
  if (controller !== own || own.signal.aborted || listeners.size === 0) return;
  controller = null;
  failures++;
  retryTimer = window.setTimeout(
    () => {
      retryTimer = undefined;
      if (listeners.size > 0 && !controller) void connect();
    },
    Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5)),
  );
}

/** Listens to the live status; returns the function that stops listening (the last one closes the stream). */
export function subscribeContractEvents(listener: ContractEventListener): () => void {
  listeners.add(listener);
  if (!controller && retryTimer === undefined) void connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    controller?.abort();
    controller = null;
    window.clearTimeout(retryTimer);
    retryTimer = undefined;
  };
}
