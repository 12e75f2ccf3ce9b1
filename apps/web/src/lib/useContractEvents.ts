import { useEffect, useRef } from 'react';
import { subscribeContractEvents } from '../api/contractEvents';
import type { ContractEvent } from '../api/types';

/**
 * Calls `onEvent` for every contract whose parse finishes (the live status stream), and `onResync` whenever
 * the stream (re)connects, while `enabled`. The callbacks may change on every render.
 */
export function useContractEvents(
  enabled: boolean,
  onEvent: (event: ContractEvent) => void,
  onResync?: () => void,
): void {
  const handlers = useRef({ onEvent, onResync });
  useEffect(() => {
    handlers.current = { onEvent, onResync };
  });
  useEffect(() => {
    if (!enabled) return;
    return subscribeContractEvents({
      onEvent: (e) => handlers.current.onEvent(e),
      onResync: () => handlers.current.onResync?.(),
    });
  }, [enabled]);
}
