/** The formats an import reads, as the gateway names them. */
export type ImportFileFormat = 'CSV' | 'XLSX';

/** The longest part of base64 text one import argument may carry (ImportUsersInput.contentBase64). */
export const BASE64_PART_LENGTH = 10_000;

/** The largest file one import request can carry: 1 MB of base64 is 768 KiB of file. */
export const MAX_IMPORT_FILE_BYTES = (1_048_576 / 4) * 3;

/** The format a file's name says it is (CSV or .xlsx), or null for anything else. */
export function importFormatOf(fileName: string): ImportFileFormat | null {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'csv') return 'CSV';
  if (extension === 'xlsx') return 'XLSX';
  return null;
}

/** A file's bytes as base64 text cut into parts the gateway accepts; joined, they are the whole file. */
export function base64Parts(bytes: Uint8Array, partLength: number = BASE64_PART_LENGTH): string[] {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  const text = btoa(binary);
  const parts: string[] = [];
  for (let offset = 0; offset < text.length; offset += partLength) parts.push(text.slice(offset, offset + partLength));
  return parts;
}
