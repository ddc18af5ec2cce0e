/**
 * Every `gantry` command, in the order `gantry --help` lists them.
 */
import type { Command } from '../command.js';
import { build } from './build.js';
import { dev } from './dev.js';
import { events } from './events.js';
import { invoke } from './invoke.js';
import { create } from './new.js';
import { routes } from './routes.js';
import { run } from './run.js';

/** The commands `gantry` dispatches to: a plain array, add a command by adding it here. */
export const COMMANDS: Command[] = [create, dev, invoke, events, routes, build, run];
