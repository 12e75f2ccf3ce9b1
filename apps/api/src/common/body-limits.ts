import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';

/** The largest JSON body the API reads. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
/** What a multipart upload may carry besides its file: part headers and up to 20 text fields of 10 kB. */
export const MULTIPART_OVERHEAD_BYTES = 256 * 1024;

/** A bulk import carries its metadata CSV besides the ZIP. */
export const IMPORT_METADATA_BYTES = 5 * 1024 * 1024;
/** The one route whose file is a ZIP of a whole archive (MAX_IMPORT_MB) instead of one contract. */
const IMPORT_PATH = '/v1/imports';

/**
 * Answers 413 at once, before a byte of the body is read, when the declared Content-Length is over the limit
 * for its type (MAX_UPLOAD_MB plus the multipart overhead for uploads, MAX_IMPORT_MB plus the metadata CSV for
 * a bulk import, the JSON limit otherwise), and closes the connection so the client stops sending. A body
 * without a length is cut off while streaming instead.
 */
export function rejectOversizedBodies(maxUploadBytes: number, maxImportBytes = maxUploadBytes) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = req.headers['content-length'];
    const length = declared === undefined ? NaN : Number(declared);
    if (!Number.isFinite(length)) return next();
    const multipart = /^multipart\//i.test(req.headers['content-type'] ?? '');
    const fileLimit = req.path === IMPORT_PATH ? maxImportBytes : maxUploadBytes;
    const limit = multipart
      ? fileLimit +
        MULTIPART_OVERHEAD_BYTES +
        (req.path === IMPORT_PATH ? IMPORT_METADATA_BYTES : 0)
      : JSON_BODY_LIMIT_BYTES;
    if (length <= limit) return next();
    const detail = multipart
      ? `The upload is larger than the limit of ${Math.floor(fileLimit / 1048576)} MB`
      : `The request body is larger than ${Math.floor(JSON_BODY_LIMIT_BYTES / 1048576)} MB`;
    res.setHeader('Connection', 'close');
    res
      .status(413)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem(413, 'payload_too_large', detail, req.path)));
  };
}
