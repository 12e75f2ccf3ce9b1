/** A name (a title, a counterparty, a file name) is one line: a line break in one is refused, never stored. */
export function hasLineBreak(value: string): boolean {
  return /[\r\n\u2028\u2029]/.test(value);
}

/**
 * The name a contract's file is kept under: the last path segment of what the client sent (Unicode kept
 * as is), without control characters, trimmed and at most 255 characters; `contract` when nothing is left.
 */
export function contractFileName(sent: string | null | undefined): string {
  const base = (sent ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return [...clean].slice(0, 255).join('') || 'contract';
}
