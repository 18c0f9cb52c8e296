/**
 * Starters (migration guide: "update starter functions"): one line per analysis, each an
 * Observable of a result object with helpers. Here: themes, then sentiment, then the
 * allocation of each review to the generated themes.
 */
import { firstValueFrom } from 'rxjs';
import { generateThemes, sentimentAnalysis, themeAllocation } from 'pulse-rx';
import { runIfMain, withEmulator } from './support/withEmulator';
import reviews from './data/reviews.json';

export const main = () =>
  withEmulator(async (client) => {
    const themes = await firstValueFrom(generateThemes(reviews, { minThemes: 2, maxThemes: 5, client }));
    const sentiment = await firstValueFrom(sentimentAnalysis(reviews, { client }));
    const allocation = await firstValueFrom(themeAllocation(reviews, { themes: [...themes.themes], client }));

    return {
      themes: themes.labels,
      sentiment: sentiment.summary().counts,
      // Keyed by index: duplicate reviews never collide.
      firstThree: allocation.assignSingle().slice(0, 3).map((a) => ({ review: a.text, theme: a.theme })),
      csvHeader: sentiment.toCSV().split('\r\n')[0],
    };
  });

runIfMain(module, main);
