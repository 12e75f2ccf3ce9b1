import { useState } from 'react';
import type { Page } from '../api/types';
import { useApi, type ApiState } from './useApi';

interface ExtraPages<T> {
  /** The first page these continue, and the deps it was loaded for. */
  base: Page<T>;
  deps: unknown[];
  rows: T[];
  cursor: string | null;
}

export interface PagedList<T> {
  /** The first page: loading, errors and reload, as for any view. */
  first: ApiState<Page<T>>;
  /** The first page's rows and every page loaded after it. */
  rows: T[];
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  loadMore(): Promise<void>;
}

/**
 * A keyset-paged list: the first page loads like any view (again when `deps` change); "Load more" appends the
 * next page by the API's cursor. Extra pages belong to the first page they continue, so new deps or a reload
 * start the list over.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>,
  deps: unknown[],
): PagedList<T> {
  const first = useApi((signal) => fetchPage(null, signal), deps);
  const [more, setMore] = useState<ExtraPages<T> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  // New deps drop the extra pages at once, even while the old first page is still shown during the reload.
  const extra = more && more.base === first.data && sameDeps(more.deps, deps) ? more : null;
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);

  async function loadMore() {
    const base = first.data;
    if (!cursor || !base) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchPage(cursor);
      setMore((m) => ({
        base,
        deps,
        rows: [...(m && m.base === base ? m.rows : []), ...page.data],
        cursor: page.nextCursor,
      }));
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    first,
    rows: [...(first.data?.data ?? []), ...(extra?.rows ?? [])],
    hasMore: cursor !== null,
    loadingMore,
    moreError,
    loadMore,
  };
}

function sameDeps(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
