import { installedLanguage } from '../../src/emulator/analysis/language';
import { winkSentiment } from '../../src/emulator/analysis/winkSentiment';
import park from '../fixtures/parkReviewLabels.json';
const t = installedLanguage().tagger()!;
const texts = Array.from({ length: 10000 }, (_, i) => `${park.items[i % 280]!.text} (${i})`);
let t0 = Date.now(); const tagged = texts.map((x) => t.feel(x)); console.log('feel', Date.now() - t0);
t0 = Date.now(); tagged.forEach((x, i) => winkSentiment(x, texts[i]!, 0)); console.log('score', Date.now() - t0);
t0 = Date.now(); texts.forEach((x) => t.tag(x)); console.log('tag', Date.now() - t0);
