/**
 * `npm run eval:emulator`: the emulator's answers on two labelled sets (the sample reviews
 * and a food-delivery set from another domain), for the built-in lexicon engine and the
 * wink-nlp + word-table engine, measured in the same run. Prints figures; asserts nothing.
 */
import { Analyst } from '../../src/emulator/analyze';
import { NO_LANGUAGE } from '../../src/emulator/analysis/language';
import park from '../fixtures/parkReviewLabels.json';
import delivery from '../fixtures/deliveryFeedback.json';
import { measure, type LabelledSet } from './emulatorMetrics';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const sets: [string, LabelledSet][] = [
  ['sample (park reviews, 280)', park as LabelledSet],
  [`other domain (food delivery, ${delivery.items.length})`, delivery as LabelledSet],
];
const engines: [string, Analyst][] = [
  ['lexicon (today)', new Analyst(0, 3072, NO_LANGUAGE)],
  ['installed', new Analyst(0, 3072)],
];
process.stdout.write(`engine answering as "installed": ${engines[1]![1].engine}\n`);
for (const [setName, set] of sets) {
  process.stdout.write(`\n${setName}\n`);
  for (const [name, analyst] of engines) {
    const f = measure(analyst, set);
    process.stdout.write(
      `  ${name.padEnd(16)} sentiment agreement ${pct(f.sentimentAgreement).padStart(6)}  no theme ${pct(f.noThemeShare).padStart(6)}` +
        `  bad labels ${f.badLabels.length}/${f.labels.length}  purity ${pct(f.purity)}\n    labels: ${f.labels.join(' | ')}\n`,
    );
  }
}
const texts = Array.from({ length: 10_000 }, (_, i) => `${park.items[i % park.items.length]!.text} (${i})`);
for (const [name, analyst] of engines) {
  analyst.run('sentiment', { inputs: ['warm up'] });
  const t0 = process.hrtime.bigint();
  analyst.run('sentiment', { inputs: texts });
  process.stdout.write(`\n${name}: 10,000-text sentiment in ${Number(process.hrtime.bigint() - t0) / 1e6} ms of server time`);
}
process.stdout.write('\n');
