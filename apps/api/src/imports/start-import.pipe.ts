import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError, type StoredFile } from '@cb/domain';
import type { MultipartBody } from '../common/multipart/read-multipart';

/** An import as the use case takes it: the stored ZIP and the metadata CSV's bytes. */
export interface ImportUpload {
  file: StoredFile;
  fileName: string | null;
  metadata: Buffer | null;
}

/** A `file` (the ZIP) is required; `metadata` (the CSV) is optional; no other field is accepted. */
@Injectable()
export class StartImportPipe implements PipeTransform<MultipartBody, ImportUpload> {
  transform(body: MultipartBody): ImportUpload {
    const errors = [
      ...(body.file ? [] : [{ field: 'file', message: 'is required (a ZIP)' }]),
      ...[...body.fields.keys()].map((field) => ({
        field,
        message: 'is not an accepted field (send `file` and optionally `metadata`)',
      })),
    ];
    if (errors.length || !body.file) throw new ValidationError('The import is incomplete', errors);
    return {
      file: body.file,
      fileName: body.fileName,
      metadata: body.buffers.get('metadata')?.data ?? null,
    };
  }
}
