import type { Observable } from 'rxjs';
import { mergeMeta } from '../client/splitting/mergeMeta';
import type { CallOptions } from '../client/CallOptions';
import * as endpoints from '../client/endpoints';
import type { EndpointDef } from '../client/EndpointDef';
import type { PulseClient } from '../client/PulseClient';
import { checkShape } from '../client/validate';
import { PulseValidationError, ResponseValidationError } from '../errors';
import { LIMITS } from '../schemas/limits';
import type { JobKind } from '../schemas/jobs';

/** The analyses a queue runs: the client's job kinds. */
export type AnalysisKind = JobKind;

type Call = (client: PulseClient, request: never, options: CallOptions) => Observable<unknown>;

/** Each kind's client method and endpoint definition (its request schema and limits). */
const KINDS: Record<AnalysisKind, { call: Call; def: EndpointDef<never, never> }> = {
  sentiment: { call: (c, r, o) => c.analyzeSentiment(r, o), def: endpoints.sentimentEndpoint as never },
  embeddings: { call: (c, r, o) => c.createEmbeddings(r, o), def: endpoints.embeddingsEndpoint as never },
  similarity: { call: (c, r, o) => c.compareSimilarity(r, o), def: endpoints.similarityEndpoint as never },
  themes: { call: (c, r, o) => c.generateThemes(r, o), def: endpoints.themesEndpoint as never },
  clustering: { call: (c, r, o) => c.clusterTexts(r, o), def: endpoints.clusteringEndpoint as never },
  extractions: { call: (c, r, o) => c.extractElements(r, o), def: endpoints.extractionsEndpoint as never },
  summaries: { call: (c, r, o) => c.generateSummary(r, o), def: endpoints.summariesEndpoint as never },
  'data-dictionary': { call: (c, r, o) => c.generateDataDictionary(r, o), def: endpoints.dataDictionaryEndpoint as never },
};

/** Kinds whose inputs can be fanned out over workers: one result per input, joined in input order. */
export const FAN_OUT_FIELDS: Partial<Record<AnalysisKind, 'results' | 'embeddings'>> = {
  sentiment: 'results',
  embeddings: 'embeddings',
  extractions: 'results',
};

/**
 * Checks a queued analysis before it is enqueued, as the client would before sending:
 * a `PulseValidationError` naming the field, so a bad request never reaches a worker.
 */
export function checkAnalysis(kind: unknown, request: unknown): { kind: AnalysisKind; inputs?: number } {
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(KINDS, kind)) {
    throw new PulseValidationError('kind', `must be one of ${Object.keys(KINDS).join(', ')}`);
  }
  const { def } = KINDS[kind as AnalysisKind];
  const req = checkShape(def.request, request, 'request') as { inputs?: unknown[]; fast?: boolean | 'auto' };
  const fast = req.fast === true;
  def.validate(req as never, fast, { maxTextLength: LIMITS.maxTextLength, unbounded: true });
  return { kind: kind as AnalysisKind, inputs: Array.isArray(req.inputs) ? req.inputs.length : undefined };
}

/** Runs one analysis with a client: the client's own splitting, polling and retries. */
export function runAnalysis(client: PulseClient, kind: AnalysisKind, request: unknown, options: CallOptions): Observable<unknown> {
  return KINDS[kind].call(client, request as never, options);
}

/**
 * Joins the results of a fanned-out analysis's parts, in part order: the per-input array
 * concatenated, usage summed, request ids kept. Each part's count is checked against the
 * inputs it was given (a part that lost or gained items fails the whole run).
 */
export function joinParts(kind: AnalysisKind, parts: { inputs: number; result: unknown }[]): unknown {
  const field = FAN_OUT_FIELDS[kind];
  if (!field) throw new PulseValidationError('kind', `${kind} cannot be fanned out`);
  const items: unknown[] = [];
  parts.forEach(({ inputs, result }, index) => {
    const list = (result as Record<string, unknown> | null)?.[field];
    if (!Array.isArray(list) || list.length !== inputs) {
      throw new ResponseValidationError(`part ${index} of ${kind}: expected ${inputs} ${field}, got ${Array.isArray(list) ? list.length : 'none'}`, result);
    }
    for (const item of list) items.push(item);
  });
  const first = (parts[0]?.result ?? {}) as Record<string, unknown>;
  return { ...first, ...mergeMeta(parts.map((p) => p.result as never)), [field]: items };
}
