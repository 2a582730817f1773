#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx so a clone needs no build step. The loader is registered
// in this process (no child processes): a command starts a second sooner, and a signal reaches the command.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
