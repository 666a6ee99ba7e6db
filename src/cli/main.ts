#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { main } from './program.js';

// `nianbao extract --json … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Secrets come from the environment or a .env file in the working folder (never from flags or logs).
if (existsSync('.env')) process.loadEnvFile('.env');

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }, manifest.version);
process.exitCode = code;
