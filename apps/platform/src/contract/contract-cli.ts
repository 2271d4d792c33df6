import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONTRACT_FILE, contractSource } from './contract';

// `npm run contract`: regenerates the web client's HTTP types from the platform's OpenAPI document.
void contractSource().then(
  (source) => {
    writeFileSync(CONTRACT_FILE, source);
    console.log(`wrote ${relative(process.cwd(), CONTRACT_FILE)}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
