import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { MultipartRequest } from './multipart.interceptor';
import type { MultipartBody } from './read-multipart';

/** The multipart body MultipartInterceptor read (a stored file and text fields); pair it with a pipe. */
export const MultipartFields = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): MultipartBody => {
    const body = ctx.switchToHttp().getRequest<MultipartRequest>().multipart;
    if (!body) throw new Error('@MultipartFields() on a route without @MultipartUpload()');
    return body;
  },
);
