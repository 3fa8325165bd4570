import {
  type CallHandler,
  type ExecutionContext,
  mixin,
  type NestInterceptor,
  PayloadTooLargeException,
  type Type,
} from '@nestjs/common';
import { fieldError, PayloadTooLargeError } from '../errors/domain-errors';
import type { MessageKey } from '../i18n/translate';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

/** The part of a multer file (memory storage) this feature uses. */
export interface UploadedBytes {
  buffer: Buffer;
  originalname: string;
}

/**
 * FileInterceptor for one file in `field` (kept in memory), whose "too large" error says what the limit is instead of
 * multer's bare "File too large".
 */
export function FileUpload(field: string, maxBytes: number, tooLarge: MessageKey): Type<NestInterceptor> {
  const Base = FileInterceptor(field, { limits: { fileSize: maxBytes, files: 1 } });
  class LimitedUpload extends Base {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (e) {
        if (e instanceof PayloadTooLargeException) throw fieldError(field, tooLarge, {}, PayloadTooLargeError);
        throw e;
      }
    }
  }
  return mixin(LimitedUpload);
}
