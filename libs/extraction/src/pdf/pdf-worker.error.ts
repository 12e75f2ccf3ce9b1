/** An error raised inside the PDF thread, with pdf.js's error name kept (e.g. PasswordException). */
export class PdfWorkerError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'PdfWorkerError';
  }
}
