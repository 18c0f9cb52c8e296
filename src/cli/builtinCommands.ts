import { CLIENT_OPTIONS, INPUT_OPTIONS } from './cliOptions';
import { registerCommand, type CliCommand } from './commandTable';
import { completionScript } from './completionScript';
import { dictionaryCommand } from './dictionaryCommand';
import { estimateCommand } from './estimateCommand';
import { jobsCommand, JOBS_DETAILS } from './jobsCommand';
import { loginCommand, logoutCommand } from './loginCommand';
import { runAnalysisCommand } from './runAnalysisCommand';
import { similarityCommand } from './similarityCommand';
import { workflowCommand } from './workflowCommand';

/** Options of every analysis command. */
const ANALYSIS = [...INPUT_OPTIONS, ...CLIENT_OPTIONS, 'out', 'report'];
/** `--run F.json`: the commands that run the whole dataset through the Analyzer. */
const RECORDED = ['run'];
const THEMES = ['min-themes', 'max-themes'];
const EXTRACT = ['dictionary', 'type', 'category', 'expand-dictionary', 'expand-dictionary-limit'];

const analysis = (name: string, summary: string, options: string[] = []): CliCommand => ({
  name,
  summary,
  positionals: ['FILE'],
  options: [...ANALYSIS, ...options],
  run: runAnalysisCommand,
});

/**
 * Registers the built-in commands, in the order `--help` lists them. Other modules register
 * theirs the same way (see commandTable.ts). A call, not an import for its side effect: the
 * package is `sideEffects: false`, so a bundler may drop a bare import.
 *
 * @example
 * registerBuiltinCommands();
 */
export function registerBuiltinCommands(): void {
  for (const command of BUILTIN) registerCommand(command);
}

const BUILTIN: CliCommand[] = [
  analysis('sentiment', 'sentiment of every text (streams: files of any size)', RECORDED),
  analysis('themes', 'generate themes from the texts', [...THEMES, ...RECORDED]),
  analysis('allocate', 'allocate every text to themes (--themes, or generated ones)', ['themes', ...THEMES, ...RECORDED]),
  analysis('analyze', 'themes, sentiment and allocation together', ['themes', ...THEMES, ...RECORDED]),
  analysis('summarize', 'a summary of the texts answering --question', ['question', 'length', 'preset']),
  analysis('cluster', 'group the texts into --k clusters', ['k', 'algorithm']),
  analysis('extract', 'the spans of each text about each theme (--themes, generated ones, or --dictionary terms)', ['themes', ...THEMES, ...EXTRACT]),
  { ...analysis('similarity', 'the texts\' similarity matrix (or against another file)', ['against']), run: similarityCommand },
  analysis('embed', 'a vector per text'),
  {
    ...analysis('dictionary', 'a DDI data dictionary (of every column of a CSV/TSV)', ['title', 'description', 'context', 'language', 'header']),
    run: dictionaryCommand,
  },
  {
    name: 'estimate',
    summary: 'the credits an analysis of FILE would use (--feature), before paying',
    positionals: ['FILE'],
    options: [...INPUT_OPTIONS, 'feature', 'emulator'],
    run: estimateCommand,
  },
  {
    name: 'workflow',
    summary: 'run a pipeline file (JSON or YAML) on FILE\'s texts, or on its own sources',
    positionals: ['run', 'PIPELINE', 'FILE'],
    optionalPositionals: 1,
    choices: { 0: ['run'] },
    options: [...ANALYSIS, 'source'],
    run: workflowCommand,
  },
  {
    name: 'login',
    summary: 'log in in a browser (PKCE); the refresh token is stored for later commands',
    positionals: [],
    options: ['client-id', 'organization', 'no-browser'],
    run: loginCommand,
  },
  { name: 'logout', summary: 'forget the stored login', positionals: [], options: [], run: logoutCommand },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash or zsh)',
    positionals: ['SHELL'],
    choices: { 0: ['bash', 'zsh'] },
    options: [],
    run: async (ctx) => {
      const shell = ctx.args.positionals[0] as 'bash' | 'zsh';
      if (ctx.args.json) ctx.printJson({ command: 'completion', shell, script: completionScript(shell) });
      else ctx.io.stdout.write(completionScript(shell));
    },
  },
  {
    name: 'jobs',
    summary: 'status, wait or resume a job (ID --kind K) or a recorded run (RUN.json)',
    positionals: ['status|wait|resume', 'ID|RUN.json'],
    choices: { 0: ['status', 'wait', 'resume'] },
    options: ['kind'],
    details: JOBS_DETAILS,
    run: jobsCommand,
  },
];
