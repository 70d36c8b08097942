import { BadUserInputError } from '@ps/errors';
import { ImportFileTooLargeError } from './errors';

/** The largest request the gateway and subgraphs accept (REQUEST_BODY_LIMIT_BYTES's default). */
export const API_REQUEST_LIMIT_BYTES = 1_048_576;
/** The largest file such a request can carry in base64 (four characters per three bytes). */
const API_FILE_LIMIT_BYTES = (API_REQUEST_LIMIT_BYTES / 4) * 3;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A file sent through the API as parts of base64 text: its bytes, once the parts are joined and
 * checked. `command` is the service's import command for larger files, named in the refusal.
 */
export function fileContentOf(parts: readonly string[], command: string | null = null): Buffer {
  const text = parts.join('').replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new BadUserInputError('Nội dung tệp không phải base64 hợp lệ', 'The file content is not valid base64', { reason: 'CONTENT_NOT_BASE64' });
  }
  const content = Buffer.from(text, 'base64');
  if (content.length > API_FILE_LIMIT_BYTES) throw new ImportFileTooLargeError(API_REQUEST_LIMIT_BYTES, content.length, command);
  return content;
}
