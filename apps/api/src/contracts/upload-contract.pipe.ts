import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError, hasLineBreak, type StoredFile } from '@cb/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { MultipartBody } from '../common/multipart/read-multipart';
import { flattenValidationErrors } from '../common/validation';
import { UploadContractFieldsDto } from './dto/contract.dto';

const ACCEPTED_FIELDS = new Set(['title', 'counterparty', 'tags', 'allowDuplicate']);

/** An upload as the use case takes it: the stored file and the validated fields. */
export interface ContractUpload extends UploadContractFieldsDto {
  file: StoredFile;
  fileName: string | null;
}

/**
 * Validates the text fields of an upload (`title`, `counterparty`, `tags` as a comma-separated list or the
 * field repeated, `allowDuplicate` as `true` or `false`; anything else is refused by name) and its file: present, and named on one line.
 */
@Injectable()
export class UploadContractPipe implements PipeTransform<MultipartBody, ContractUpload> {
  transform(body: MultipartBody): ContractUpload {
    if (!body.file)
      throw new ValidationError('A file is required', [{ field: 'file', message: 'is required' }]);
    const tags = body.fields.get('tags');
    const allowDuplicate = body.fields.get('allowDuplicate')?.[0];
    const dto = plainToInstance(UploadContractFieldsDto, {
      title: body.fields.get('title')?.[0],
      counterparty: body.fields.get('counterparty')?.[0],
      tags: tags
        ? tags
            .flatMap((t) => t.split(','))
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined,
      allowDuplicate:
        allowDuplicate === undefined
          ? undefined
          : allowDuplicate === 'true'
            ? true
            : allowDuplicate === 'false'
              ? false
              : allowDuplicate,
    });
    const errors = [
      ...flattenValidationErrors(validateSync(dto, { whitelist: true })),
      ...[...body.fields.keys()]
        .filter((k) => !ACCEPTED_FIELDS.has(k))
        .map((field) => ({ field, message: 'is not an accepted field' })),
      ...(body.fileName && hasLineBreak(body.fileName)
        ? [{ field: 'file', message: 'the file name must be a single line (no line breaks)' }]
        : []),
    ];
    if (errors.length) throw new ValidationError('The upload has invalid fields', errors);
    return { ...dto, file: body.file, fileName: body.fileName };
  }
}
