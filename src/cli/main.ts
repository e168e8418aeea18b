/** sina-reader: saved Sina pages in, clean Markdown or JSON out. Same core as the extension. */
import { run } from './run';

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`sina-reader: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(70);
  },
);
