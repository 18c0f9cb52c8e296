import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { creditsOf } from '../client/checkBudget';
import { readTextRecords } from '../node/readTextRecords';
import type { UsageEstimateRequest } from '../schemas/usage';
import type { CliContext } from './CliContext';
import { checkInput } from './runAnalysisCommand';
import { plural, UsageError } from './UsageError';

const FEATURES: readonly UsageEstimateRequest['feature'][] = ['sentiment', 'themes', 'embeddings', 'extractions', 'summaries', 'data-dictionary'];

/**
 * `pulse estimate FILE [--feature F]`: the credits an analysis of FILE would use, asked of
 * `/usage/estimate` (which needs no credentials), before paying for anything.
 *
 * @example
 * await estimateCommand(ctx); // stdout: "estimate: sentiment of 280 texts: 280 credits"
 */
export async function estimateCommand(ctx: CliContext): Promise<void> {
  const { args, io } = ctx;
  const feature = (args.feature ?? 'sentiment') as UsageEstimateRequest['feature'];
  if (!FEATURES.includes(feature)) throw new UsageError(`--feature must be ${FEATURES.join(', ')}`);
  const options = await checkInput(ctx);
  const records = await lastValueFrom(readTextRecords(args.file, options).pipe(toArray()));
  const inputs = records.map((r) => r.text).filter((t) => t.trim() !== '');
  if (inputs.length === 0) throw new UsageError(`${args.fileLabel} has no texts`);
  const client = await ctx.connect();
  const estimate = await firstValueFrom(client.estimateUsage({ feature, inputs }));
  const credits = creditsOf(estimate);
  if (args.json) ctx.printJson({ command: 'estimate', feature, texts: inputs.length, credits, usage: estimate.usage });
  else io.stdout.write(`estimate: ${feature} of ${plural(inputs.length, 'text')}: ${credits} credits\n`);
}
