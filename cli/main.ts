import { COMMANDS } from './commands/index';
import { InputError, UsageError, type Io } from './command';

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: newsmark <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "newsmark <command> --help" for a command\'s options.',
    '',
  ].join('\n');
}

/** Run the CLI; returns the exit code (0 ok, 1 bad input or failed check, 2 wrong usage). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.stderr(overview());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`newsmark: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help.trim()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`newsmark ${name}: ${e.message}\nRun "newsmark ${name} --help" for usage.\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`newsmark ${name}: ${e.message}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'ENOENT' || err?.code === 'EISDIR' || err?.code === 'EACCES') {
      io.stderr(`newsmark ${name}: cannot read or write ${err.path ?? 'a file'} (${err.code})\n`);
      return 1;
    }
    io.stderr(`newsmark ${name}: unexpected error: ${err?.stack ?? String(e)}\n`);
    return 1;
  }
}
