import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ContractFiles } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { STORAGE, type StoragePort } from '@cb/domain';
import type { Request } from 'express';
import { from, throwError, type Observable } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import type { Principal } from '../auth/principal';
import { readMultipart, type MultipartBody } from './read-multipart';

const MULTIPART = 'multipartUpload';

export interface MultipartUploadOptions {
  /** The size limit of the stored file: an upload's (MAX_UPLOAD_MB) or an import's ZIP (MAX_IMPORT_MB). */
  limit?: 'upload' | 'import';
  /** Small file fields read into memory, with their byte limits (e.g. an import's metadata CSV). */
  bufferedFiles?: Record<string, number>;
}

/**
 * The route takes a multipart/form-data body with one file in `fileField`, streamed to storage, and maybe a
 * few small files read into memory (all read before the handler runs).
 */
export const MultipartUpload = (fileField = 'file', options: MultipartUploadOptions = {}) =>
  SetMetadata(MULTIPART, { fileField, ...options });

export type MultipartRequest = Request & { user?: Principal; multipart?: MultipartBody };

/**
 * Reads the multipart body of a @MultipartUpload() route into storage before the handler runs, so a handler
 * (and its use case) gets a stored file and text fields, never an HTTP request. Registered globally and first,
 * so that the idempotency interceptor after it can fingerprint the file. If anything downstream fails (field
 * validation, a replayed key, the use case), a file no contract points at is removed.
 */
@Injectable()
export class MultipartInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STORAGE) private readonly storage: StoragePort,
    @Inject(ContractFiles) private readonly files: ContractFiles,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<
      (MultipartUploadOptions & { fileField: string }) | undefined
    >(MULTIPART, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<MultipartRequest>();
    if (!options || !req.user) return next.handle();
    const { fileField } = options;
    const tenantId = req.user.tenantId;
    const read = readMultipart(req, this.storage, tenantId, {
      fileField,
      maxFileBytes:
        options.limit === 'import' ? this.config.maxImportBytes : this.config.maxUploadBytes,
      bufferedFiles: options.bufferedFiles,
      maxFields: 20,
      maxFieldBytes: 10_000,
    });
    return from(read).pipe(
      mergeMap((body) => {
        req.multipart = body;
        return next
          .handle()
          .pipe(
            catchError((err: unknown) =>
              from(
                body.file ? this.files.discardIfUnused(tenantId, body.file.key) : Promise.resolve(),
              ).pipe(mergeMap(() => throwError(() => err))),
            ),
          );
      }),
    );
  }
}
