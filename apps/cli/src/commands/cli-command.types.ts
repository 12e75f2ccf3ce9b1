/** Where a command writes; injected so tests can capture output. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** One subcommand of `contract-bank` (e.g. `extract`); register it in commands/index.ts. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
