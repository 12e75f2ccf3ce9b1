import type { ReactNode, RefObject } from 'react';
import type { Draft } from '../../../lib/terms';

/** What every term editor gets from the form around it (TermEditor). */
export interface TermEditorProps {
  /** A unique prefix for the editor's element ids. */
  uid: string;
  /** The term's label. */
  label: string;
  draft: Draft;
  onChange(draft: Draft): void;
  /** The error message element for one input of the draft, or nothing. */
  fieldError(key: string): ReactNode;
  /** The aria attributes that tie an input to its error. */
  aria(key: string): { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** Focused when the editor opens. */
  firstInput: RefObject<(HTMLInputElement & HTMLSelectElement) | null>;
}
