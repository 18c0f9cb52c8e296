import { LIMITS } from '../../schemas/limits';
import { ThemesRequestSchema } from '../../schemas/themes';
import { checkInt, ensure } from '../validate';
import { textsEndpoint } from './textsEndpoint';

const { maxThemes, prune, initialSets } = LIMITS.themes;

/** `POST /themes`: 2 to 200 texts synchronously, up to 500 as a job. */
export const themesEndpoint = textsEndpoint({
  path: '/themes',
  kind: 'themes',
  request: ThemesRequestSchema,
  oversize: { sample: true },
  limits: LIMITS.themes,
  check(req) {
    checkInt('minThemes', req.minThemes, 1, maxThemes);
    checkInt('maxThemes', req.maxThemes, 1, maxThemes);
    if (req.minThemes !== undefined && req.maxThemes !== undefined) {
      ensure(req.minThemes <= req.maxThemes, 'minThemes', `must not exceed maxThemes (${req.maxThemes})`, req.maxThemes);
    }
    checkInt('prune', req.prune, prune[0], prune[1]);
    checkInt('initialSets', req.initialSets, initialSets[0], initialSets[1]);
    if ((req.initialSets ?? 1) > 1) ensure(req.interactive === true, 'initialSets', 'above 1 requires interactive: true');
  },
});
