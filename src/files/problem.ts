// A file that cannot be used, said in plain words (Chinese first). The file layer never throws anything else
// at its callers for bad input: the CLI prints `text` and exits 2, a web page shows it.
import type { Text } from '../core/text';

export class FileProblem extends Error {
  constructor(readonly text: Text) {
    super(`${text.zh} / ${text.en}`);
  }
}
