#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { main } from './program.js';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }, manifest.version);
process.exitCode = code;
