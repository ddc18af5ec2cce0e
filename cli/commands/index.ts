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

export const COMMANDS: readonly Command[] = [create, dev, invoke, events, routes, build, run];
