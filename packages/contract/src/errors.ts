// Errors carry a code a program can act on and a message a person can act on.
// A file that cannot be read fails once (the worker turns these into BullMQ UnrecoverableError);
// anything else (database, Redis) is an outage and is retried.
export const ErrorCode = {
  UnsupportedFormat: 'UnsupportedFormat',
  EmptyFile: 'EmptyFile',
  CorruptFile: 'CorruptFile',
  EncryptedPdf: 'EncryptedPdf',
  FileTooLarge: 'FileTooLarge',
  TooManyPages: 'TooManyPages',
  ArchiveBomb: 'ArchiveBomb',
  NoContent: 'NoContent',
  ConverterMissing: 'ConverterMissing',
  Timeout: 'Timeout',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ExtractionError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractionError';
    this.code = code;
  }
}

export function isExtractionError(e: unknown): e is ExtractionError {
  return e instanceof Error && (e as ExtractionError).name === 'ExtractionError' && typeof (e as ExtractionError).code === 'string';
}
