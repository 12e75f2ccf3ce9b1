/** An error a parser raised inside the sandbox, with the parser's own error name kept (e.g. PasswordException). */
export class ParserError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParserError';
  }
}

/** Which limit stopped the sandbox: its memory, its time, or it died on its own. */
export type SandboxLimit = 'memory' | 'timeout' | 'crash';

/** The sandbox process was killed (or died) while parsing; the caller's process is unharmed. */
export class SandboxLimitError extends Error {
  constructor(
    readonly limit: SandboxLimit,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxLimitError';
  }
}
