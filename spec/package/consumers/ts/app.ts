// Type-checked by TypeScript with moduleResolution node16 (CommonJS and ESM) and bundler.
import { firstValueFrom } from 'rxjs';
import { PulseClient, PulseValidationError, RateLimitError, SentimentResult, type SentimentResponse } from 'pulse-rx';
import { readTextsFile, sentimentAnalysis, loadWorkflowFile } from 'pulse-rx/node';
import { startEmulator, type Emulator } from 'pulse-rx/emulator';

export async function run(): Promise<number> {
  const emulator: Emulator = await startEmulator();
  const client = PulseClient.withToken('t', { baseUrl: emulator.url });
  const response: SentimentResponse = await firstValueFrom(client.analyzeSentiment({ inputs: ['great'], fast: true }));
  const result: SentimentResult = await firstValueFrom(sentimentAnalysis('reviews.csv', { column: 'comment', client }));
  const texts$ = readTextsFile('reviews.csv', { column: 'comment' });
  const workflow$ = loadWorkflowFile('pipeline.yaml');
  // @ts-expect-error inputs must be strings: the types are real, not any.
  client.analyzeSentiment({ inputs: [5] });
  const e: unknown = new RateLimitError({ status: 429, message: 'slow down' });
  if (RateLimitError.is(e)) console.log(e.retryAfterMs);
  if (e instanceof PulseValidationError) console.log(e.field);
  client.close();
  await emulator.close();
  void texts$;
  void workflow$;
  return response.results.length + result.summary().total;
}
