import { COMMANDS, type CliCommand, type CliIo } from './commands';

const stdio: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function help(commands: CliCommand[]): string {
  return [
    'usage: contract-bank <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

/**
 * Dispatches `contract-bank <command> ...`. Multi-word commands ("billing activate") match on their words;
 * the longest matching name wins.
 */
export async function main(
  argv: string[],
  io: CliIo = stdio,
  commands: CliCommand[] = COMMANDS,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.err : io.out)(help(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const byLength = [...commands].sort(
    (a, b) => b.name.split(' ').length - a.name.split(' ').length,
  );
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word))
      return command.run(argv.slice(words.length), io);
  }
  io.err(`contract-bank: unknown command "${argv[0]}"\n\n${help(commands)}`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `contract-bank: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
