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
  // one per limit of a file's budget (packages/config FileBudget); the message names the limit and its setting
  TooDeep: 'TooDeep',
  TooManyCells: 'TooManyCells',
  LineTooLong: 'LineTooLong',
  TooMuchText: 'TooMuchText',
  PageTooLarge: 'PageTooLarge',
  OutOfMemory: 'OutOfMemory',
  /** the process reading the file died on it (a native crash, or killed from outside) */
  Crashed: 'Crashed',
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

/** A file over one limit of its budget: the line names what was found, the limit, and the setting that raises it. */
export function overBudget(code: ErrorCode, fileName: string, found: string, limit: number, setting: string): ExtractionError {
  return new ExtractionError(code, `${fileName}: ${found}, over the limit of ${limit.toLocaleString('en')} (${setting})`);
}
