import type { CliCommand } from './cli-command.types';
import {
  billingActivateCommand,
  billingOrdersCommand,
  billingPaidCommand,
} from './billing-activate.command';
import { extractCommand } from './extract.command';

export type { CliCommand, CliIo } from './cli-command.types';

/** Every subcommand; add a new one (e.g. `billing activate`) by writing a CliCommand and listing it here. */
export const COMMANDS: CliCommand[] = [
  extractCommand,
  billingActivateCommand,
  billingOrdersCommand,
  billingPaidCommand,
];
