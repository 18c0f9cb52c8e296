import { Analyst } from '../../src/emulator/analyze';
import park from '../fixtures/parkReviewLabels.json';
import delivery from '../fixtures/deliveryFeedback.json';
const a = new Analyst(0, 3072);
for (const set of [delivery, park]) {
  const r = a.run('sentiment', { inputs: set.items.map((i) => i.text) }).results as { sentiment: string }[];
  set.items.forEach((it, i) => { if (r[i]!.sentiment !== it.sentiment) console.log(`${it.sentiment.padEnd(8)} got ${r[i]!.sentiment.padEnd(8)} ${it.text}`); });
  console.log('----');
}
