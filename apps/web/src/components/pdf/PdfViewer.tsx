// Loaded only on the contract page (React.lazy): pdf.js and its worker are bundled locally, never from a CDN.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Document, Page, pdfjs } from 'react-pdf';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'react-pdf/dist/Page/TextLayer.css';
import 'react-pdf/dist/Page/AnnotationLayer.css';
import { t } from '../../i18n';
import { findEvidence, markItem, type ItemRanges, type TextItemLike } from './evidenceMatch';
import { useTextSelection, type TextSelection } from './useTextSelection';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

// Font and character maps are served from our own origin (copied from pdfjs-dist at build time). The API's
// Content-Security-Policy allows wasm but not eval: pdf.js is told so instead of probing with new Function.
const documentOptions = {
  cMapUrl: '/pdfjs/cmaps/',
  cMapPacked: true,
  standardFontDataUrl: '/pdfjs/standard_fonts/',
  wasmUrl: '/pdfjs/wasm/',
  isEvalSupported: false,
};

export interface Highlight {
  page: number;
  text: string;
  /** Changes on every click so the same term can be shown again. */
  key: number;
}

interface Props {
  data: Uint8Array;
  highlight: Highlight | null;
  onHighlightResult?(result: { key: number; found: boolean; exact: boolean }): void;
  /** Text a person selected in the text layer ("Set as notice period"). */
  onSelectText?(selection: TextSelection): void;
}

const ZOOMS = [0.75, 1, 1.25, 1.5, 2];

export default function PdfViewer({ data, highlight, onHighlightResult, onSelectText }: Props) {
  // pdf.js transfers a passed buffer to its worker (detaching it); a blob URL of our own copy avoids that.
  // Created in an effect (not a memo) so an unmount/remount never leaves a revoked URL behind.
  const [file, setFile] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([data.slice()], { type: 'application/pdf' }));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is an external resource, made and revoked with the effect
    setFile(url);
    return () => URL.revokeObjectURL(url);
  }, [data]);
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [zoom, setZoom] = useState(1);
  const [numPages, setNumPages] = useState(0);
  const [ratio, setRatio] = useState(1.294); // US Letter until page 1 says otherwise
  const [visible, setVisible] = useState<Set<number>>(() => new Set([1]));
  const [pageItems, setPageItems] = useState<Map<number, TextItemLike[]>>(new Map());
  const scrolledFor = useRef<number | null>(null);
  useTextSelection(scroller, onSelectText);
  const reported = useRef<number | null>(null);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const pageWidth = Math.max(200, Math.floor((width - 24) * zoom));
  const pageHeight = Math.round(pageWidth * ratio);

  // Render only the pages near the viewport; the others keep their exact height, so nothing jumps.
  useEffect(() => {
    const root = scroller.current;
    if (!root || !numPages) return;
    const io = new IntersectionObserver(
      (entries) => {
        setVisible((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const n = Number((e.target as HTMLElement).dataset.page);
            if (e.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        });
      },
      { root, rootMargin: '600px 0px' },
    );
    root.querySelectorAll('[data-page]').forEach((el) => io.observe(el));
    return () => io.disconnect();
  }, [numPages]);

  // Scroll the target page into view at once; the exact mark is scrolled to when its text layer has rendered.
  useEffect(() => {
    if (!highlight || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-page="${highlight.page}"]`);
    if (el) scroller.current.scrollTo({ top: el.offsetTop - 8, behavior: 'auto' });
    scrolledFor.current = null;
    reported.current = null;
  }, [highlight, numPages]);

  // Depends only on the highlighted page's text, so other pages loading their text do not re-render its layer.
  const highlightItems = highlight ? pageItems.get(highlight.page) : undefined;
  const match = useMemo(() => {
    if (!highlight) return null;
    if (!highlightItems) return undefined; // text not loaded yet
    return findEvidence(highlightItems, highlight.text);
  }, [highlight, highlightItems]);

  useEffect(() => {
    if (!highlight || match === undefined || reported.current === highlight.key) return;
    reported.current = highlight.key;
    onHighlightResult?.({
      key: highlight.key,
      found: match !== null,
      exact: match?.exact ?? false,
    });
  }, [highlight, match, onHighlightResult]);

  const ranges: ItemRanges | null = match ? match.ranges : null;
  const highlightPage = highlight?.page;
  // Only the highlighted page gets a custom text renderer; the other pages keep pdf.js's own text layer untouched.
  const renderer = useCallback(
    ({ itemIndex, str }: { itemIndex: number; str: string }) =>
      markItem(str, ranges?.get(itemIndex)),
    [ranges],
  );

  const onTextRendered = useCallback(
    (pageNumber: number) => {
      if (
        !highlight ||
        pageNumber !== highlight.page ||
        !ranges ||
        scrolledFor.current === highlight.key
      )
        return;
      const root = scroller.current;
      const mark = root?.querySelector<HTMLElement>(
        `[data-page="${pageNumber}"] mark.evidence-mark`,
      );
      if (!root || !mark) return;
      scrolledFor.current = highlight.key;
      const top =
        mark.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop;
      // Instant: a smooth scroll can be cut short by the text layer re-rendering underneath it.
      root.scrollTo({ top: Math.max(0, top - root.clientHeight / 3), behavior: 'auto' });
    },
    [highlight, ranges],
  );

  async function onLoad(pdf: PDFDocumentProxy) {
    setNumPages(pdf.numPages);
    try {
      const first = await pdf.getPage(1);
      const vp = first.getViewport({ scale: 1 });
      setRatio(vp.height / vp.width);
    } catch {
      /* keep the default ratio */
    }
  }

  const zoomIndex = ZOOMS.indexOf(zoom);
  return (
    <div className="pdf-viewer">
      <div className="pdf-toolbar" role="group" aria-label={t('detail.document')}>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setZoom(ZOOMS[Math.max(0, zoomIndex - 1)])}
          disabled={zoomIndex <= 0}
          aria-label={t('detail.zoomOut')}
        >
          −
        </button>
        <span className="small muted" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, zoomIndex + 1)])}
          disabled={zoomIndex >= ZOOMS.length - 1}
          aria-label={t('detail.zoomIn')}
        >
          +
        </button>
      </div>
      <div className="pdf-scroller" ref={scroller} tabIndex={0} aria-label={t('detail.document')}>
        {file && (
          <Document
            file={file}
            options={documentOptions}
            onLoadSuccess={(pdf) => void onLoad(pdf)}
            loading={<p className="pdf-message">{t('detail.pdfLoading')}</p>}
            error={<p className="pdf-message alert alert-error">{t('detail.pdfError')}</p>}
          >
            {Array.from({ length: numPages }, (_, i) => {
              const n = i + 1;
              const show = visible.has(n) || n === highlightPage;
              return (
                <div
                  key={n}
                  className="pdf-page"
                  data-page={n}
                  style={{ width: pageWidth, minHeight: pageHeight }}
                  aria-label={t('detail.page', { page: n })}
                  role="region"
                >
                  {show && (
                    <Page
                      pageNumber={n}
                      width={pageWidth}
                      renderAnnotationLayer={false}
                      customTextRenderer={n === highlightPage && ranges ? renderer : undefined}
                      onGetTextSuccess={(tc) => {
                        // Keep item indexes as pdf.js numbers them (customTextRenderer's itemIndex).
                        const items = tc.items.map((it) => ({ str: 'str' in it ? it.str : '' }));
                        setPageItems((m) => (m.has(n) ? m : new Map(m).set(n, items)));
                      }}
                      onRenderTextLayerSuccess={() => onTextRendered(n)}
                      loading={<div style={{ height: pageHeight }} />}
                    />
                  )}
                  <span className="pdf-page-number" aria-hidden="true">
                    {n}
                  </span>
                </div>
              );
            })}
          </Document>
        )}
      </div>
    </div>
  );
}
