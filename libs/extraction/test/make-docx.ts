export { docxParts, makeDocx } from '../src/testing/make-docx';
