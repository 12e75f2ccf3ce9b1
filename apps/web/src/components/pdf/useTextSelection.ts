import { useEffect, type RefObject } from 'react';

export interface TextSelection {
  text: string;
  /** The page the selection starts on (the closest `[data-page]`), when the view has pages. */
  page?: number;
}

/**
 * Reports the text a person selects inside `root` once the selection settles (the selection-change events of
 * a drag are debounced). A selection that collapses or moves outside is not reported, so clicking a button
 * elsewhere (which clears the selection) keeps the last one.
 */
export function useTextSelection(
  root: RefObject<HTMLElement | null>,
  onSelect: ((s: TextSelection) => void) | undefined,
): void {
  useEffect(() => {
    if (!onSelect) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      const sel = document.getSelection();
      const el = root.current;
      if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !el) return;
      const node = sel.anchorNode;
      if (!node || !el.contains(node)) return;
      const text = sel.toString().replace(/\s+/g, ' ').trim();
      if (!text) return;
      const start = node instanceof Element ? node : node.parentElement;
      const pageEl = start?.closest<HTMLElement>('[data-page]');
      const page = pageEl ? Number(pageEl.dataset.page) : undefined;
      onSelect({ text, ...(page ? { page } : {}) });
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(report, 250);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [root, onSelect]);
}
