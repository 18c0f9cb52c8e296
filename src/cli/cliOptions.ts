/** One `--option` of the `pulse` command. */
export interface CliOption {
  /** `string` takes a value (`--out F`); `boolean` is a switch. */
  type: 'string' | 'boolean';
  /** The value's name in the help (`F`, `N`). */
  arg?: string;
  short?: string;
  help: string;
}

/** Every option any command takes; a command lists the ones it accepts (`CliCommand.options`). */
export const CLI_OPTIONS: Record<string, CliOption> = {
  column: { type: 'string', arg: 'C', help: 'CSV/TSV/XLSX column: header name or 0-based number (default: the column of free text)' },
  field: { type: 'string', arg: 'F', help: 'JSONL field holding the text (default "text")' },
  sheet: { type: 'string', arg: 'S', help: 'XLSX worksheet: its name or 0-based number (default: the first)' },
  'id-column': { type: 'string', arg: 'C', help: 'CSV/TSV/XLSX column or JSONL field copied into each output row as "id"' },
  out: { type: 'string', arg: 'F', help: 'write the results: F.json or F.csv' },
  report: { type: 'string', arg: 'F', help: 'write an HTML report (opens offline)' },
  themes: { type: 'string', arg: 'A,B,C', help: 'themes to allocate to or extract (default: generated ones)' },
  dictionary: { type: 'string', arg: 'A,B,C', help: 'extract: these terms instead of themes (no theme generation)' },
  type: { type: 'string', arg: 'T', help: 'extract: themes or named-entities (default themes; with --dictionary the service\'s)' },
  category: { type: 'string', arg: 'C', help: 'extract: a category that narrows the extraction' },
  'expand-dictionary': { type: 'boolean', help: 'extract: let the service add related terms (not with --type themes)' },
  'expand-dictionary-limit': { type: 'string', arg: 'N', help: 'extract: at most N added terms (with --expand-dictionary)' },
  'min-themes': { type: 'string', arg: 'N', help: 'fewest themes to generate' },
  'max-themes': { type: 'string', arg: 'N', help: 'most themes to generate' },
  question: { type: 'string', arg: 'Q', help: 'summarize: the question the summary answers' },
  length: { type: 'string', arg: 'L', help: 'summarize: bullet-points, short, medium or long' },
  preset: { type: 'string', arg: 'P', help: 'summarize: five-point, ten-point, one-tweet, three-tweets, one-para, exec, two-pager, one-pager' },
  k: { type: 'string', arg: 'N', help: 'cluster: number of clusters (default 5)' },
  algorithm: { type: 'string', arg: 'A', help: 'cluster: kmeans, skmeans, agglomerative or hdbscan' },
  title: { type: 'string', arg: 'T', help: 'dictionary: the dataset title' },
  description: { type: 'string', arg: 'D', help: 'dictionary: what the dataset is' },
  context: { type: 'string', arg: 'C', help: 'dictionary: how the data was collected' },
  language: { type: 'string', arg: 'L', help: 'dictionary: ISO 639-1 code such as en or en-GB' },
  header: { type: 'string', arg: 'H', help: 'dictionary: name of the texts\' variable (default "response")' },
  against: { type: 'string', arg: 'OTHER', help: 'similarity: compare every text of FILE with every text of OTHER' },
  feature: { type: 'string', arg: 'F', help: 'estimate: sentiment, themes, embeddings, extractions, summaries or data-dictionary' },
  source: { type: 'string', arg: 'S', help: 'workflow: the pipeline source FILE fills (default: its only source, or "input")' },
  budget: { type: 'string', arg: 'N', help: 'refuse to start when the estimate is over N credits' },
  kind: {
    type: 'string',
    arg: 'KIND',
    help: 'jobs: a job ID\'s kind (sentiment, embeddings, similarity, themes, clustering, extractions, summaries, data-dictionary)',
  },
  run: {
    type: 'string',
    arg: 'F.json',
    help: 'record the run in F.json (each part\'s job as it is submitted); the same command again resumes it (pulse jobs --help)',
  },
  concurrency: { type: 'string', arg: 'N', help: 'requests in flight (default 4)' },
  fast: { type: 'string', arg: 'MODE', help: 'true, false or auto (default auto)' },
  emulator: { type: 'boolean', help: 'run against an embedded emulator (the default without credentials)' },
  'client-id': { type: 'string', arg: 'ID', help: 'login: the application\'s client id (default PULSE_CLIENT_ID)' },
  organization: { type: 'string', arg: 'ORG', help: 'login: the Auth0 organization to act for' },
  'no-browser': { type: 'boolean', help: 'login: print the URL instead of opening a browser' },
  json: { type: 'boolean', help: 'machine output: one JSON document on stdout' },
  quiet: { type: 'boolean', help: 'nothing on stderr but errors' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
  help: { type: 'boolean', short: 'h', help: 'this text (pulse COMMAND --help: the command\'s)' },
};

/** Options every command accepts. */
export const COMMON_OPTIONS = ['json', 'quiet', 'help', 'version'] as const;
/** Options of commands that read a FILE of texts. */
export const INPUT_OPTIONS = ['column', 'field', 'id-column', 'sheet'] as const;
/** Options of commands that call the API. */
export const CLIENT_OPTIONS = ['concurrency', 'fast', 'emulator', 'budget'] as const;
