import { DomainError } from '@ps/errors';

/** Why a schema check or release stopped; each with a stable code and a Vietnamese-first message. */
export type SchemaReleaseFailure =
  | 'SCHEMA_BREAKING_CHANGE'
  | 'SCHEMA_VERSION_INVALID'
  | 'SCHEMA_RELEASE_MISSING'
  | 'SCHEMA_RELEASE_UNREADABLE'
  | 'SCHEMA_DECLARATIONS_INVALID';

export class SchemaReleaseError extends DomainError {
  constructor(code: SchemaReleaseFailure, message: { vi: string; en: string }, details?: Record<string, unknown>) {
    super(code, message, { details });
    this.name = 'SchemaReleaseError';
  }
}
