// Preloaded into the measured process (node --import): its peak resident memory, on stderr at exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nbench: peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
});
