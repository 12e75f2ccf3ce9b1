import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ValidationError, type StoragePort, type StoredFile } from '@cb/domain';
import busboy from 'busboy';
import { nullCharacterErrors, nullCharacterFields } from '../input-guards';

/** A multipart/form-data body as the API reads it: the one file (already in storage) and the text fields. */
export interface MultipartBody {
  file: StoredFile | null;
  /** The file name as the client sent it (UTF-8), before any cleaning. */
  fileName: string | null;
  /** A Map, never a plain object: a field named `__proto__` or `toString` is just a name here. */
  fields: Map<string, string[]>;
  /** Small file parts read into memory (MultipartLimits.bufferedFiles), by field name. */
  buffers: Map<string, { fileName: string | null; data: Buffer }>;
}

export interface MultipartLimits {
  /** The form field that carries the file. */
  fileField: string;
  maxFileBytes: number;
  maxFields: number;
  maxFieldBytes: number;
  /** Other file fields the route takes, read into memory up to their byte limit (e.g. a CSV). */
  bufferedFiles?: Record<string, number>;
}

/** The client went away in the middle of the body. */
export class UploadAbortedError extends Error {
  constructor() {
    super('the client aborted the upload');
  }
}

const malformed = () =>
  new ValidationError('The multipart body is malformed', [
    { field: 'file', message: 'malformed multipart body' },
  ]);

/**
 * Reads a multipart/form-data request, streaming its one file part into storage as it arrives (the storage
 * port enforces the size limit and fsyncs). Never throws from inside a busboy event handler; an aborted
 * request destroys the parser and the file stream, so the half-written file is removed and its descriptor
 * closed. File names are read as UTF-8 (busboy would read them as Latin-1).
 */
export function readMultipart(
  req: IncomingMessage,
  storage: StoragePort,
  namespace: string,
  limits: MultipartLimits,
): Promise<MultipartBody> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new ValidationError(
        `Send the request as multipart/form-data with a \`${limits.fileField}\` field`,
        [{ field: limits.fileField, message: 'is required (multipart/form-data)' }],
      ),
    );
  }
  return new Promise<MultipartBody>((resolve, reject) => {
    const result: MultipartBody = {
      file: null,
      fileName: null,
      fields: new Map(),
      buffers: new Map(),
    };
    const buffered = new Map(Object.entries(limits.bufferedFiles ?? {}));
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          files: 1 + buffered.size,
          fields: limits.maxFields,
          fieldSize: limits.maxFieldBytes,
          fileSize: limits.maxFileBytes + 1,
        },
      });
    } catch {
      reject(malformed());
      return;
    }
    const pending: Promise<void>[] = [];
    let failure: unknown = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      req.off('close', onClose);
      Promise.all(pending).then(
        () => (failure ? reject(failure) : resolve(result)),
        (err: unknown) => reject(err),
      );
    };
    // The connection closed before the whole body arrived: stop everything, so nothing waits forever.
    const onClose = () => {
      if (req.complete) return;
      failure ??= new UploadAbortedError();
      req.unpipe(bb);
      bb.destroy(failure as Error);
      finish();
    };
    req.on('close', onClose);
    // A throw inside a busboy event handler would escape every promise: record it instead.
    const guarded =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        try {
          fn(...args);
        } catch (err) {
          failure ??= err;
        }
      };
    bb.on(
      'file',
      guarded((name: string, stream: Readable, info: busboy.FileInfo) => {
        const maxBuffered = buffered.get(name);
        if (maxBuffered !== undefined && !result.buffers.has(name) && !failure) {
          const chunks: Buffer[] = [];
          let size = 0;
          result.buffers.set(name, { fileName: info.filename ?? null, data: Buffer.alloc(0) });
          pending.push(
            new Promise<void>((resolve) => {
              stream.on('data', (chunk: Buffer) => {
                size += chunk.length;
                if (size <= maxBuffered) chunks.push(chunk);
              });
              stream.on('end', () => {
                if (size > maxBuffered)
                  failure ??= new ValidationError(`\`${name}\` is too large`, [
                    {
                      field: name,
                      message: `must be at most ${Math.floor(maxBuffered / 1024)} kB`,
                    },
                  ]);
                else
                  result.buffers.set(name, {
                    fileName: info.filename ?? null,
                    data: Buffer.concat(chunks),
                  });
                resolve();
              });
              stream.on('error', () => resolve());
            }),
          );
          return;
        }
        if (name !== limits.fileField || result.file || failure) {
          stream.resume();
          if (name !== limits.fileField)
            failure ??= new ValidationError('Unexpected file field', [
              {
                field: name,
                message: `only ${[limits.fileField, ...buffered.keys()].map((f) => `\`${f}\``).join(' and ')} may carry a file`,
              },
            ]);
          return;
        }
        if (info.filename?.includes('\u0000')) {
          stream.resume();
          failure ??= new ValidationError('The file name is invalid', [
            {
              field: limits.fileField,
              message: 'the file name must not contain a null character (U+0000)',
            },
          ]);
          return;
        }
        result.fileName = info.filename ?? null;
        pending.push(
          storage
            .put(namespace, stream, limits.maxFileBytes)
            .then((stored) => {
              result.file = stored;
            })
            .catch((err: unknown) => {
              failure ??= err;
              stream.resume();
            }),
        );
      }),
    );
    bb.on(
      'field',
      guarded((name: string, value: string) => {
        const nul = nullCharacterFields({ [name]: value });
        if (nul.length) {
          failure ??= new ValidationError(
            `The request is invalid: ${nul.join(', ')}`,
            nullCharacterErrors(nul),
          );
          return;
        }
        const values = result.fields.get(name) ?? [];
        values.push(value);
        result.fields.set(name, values);
      }),
    );
    bb.on('filesLimit', () => {
      failure ??= new ValidationError(
        buffered.size ? 'Too many files in the request' : 'Upload one file per request',
        [{ field: limits.fileField, message: 'only one file per request' }],
      );
    });
    bb.on('error', () => {
      failure ??= malformed();
      req.unpipe(bb);
      req.resume();
      finish();
    });
    bb.on('close', finish);
    req.pipe(bb);
  });
}
