import * as pulse from 'pulse-rx';
import * as testing from 'pulse-rx/testing';
import { loadSuite } from './angular/loadSuite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('public entry', () => {
  it('exports exactly the documented runtime surface', () => {
    expect(Object.keys(pulse).sort()).toEqual(
      [
        'AuthenticationError',
        'AuthorizationCodePKCEAuth',
        'BadRequestError',
        'ClientCredentialsAuth',
        'ClusteringRequestSchema',
        'ClusteringResponseSchema',
        'DEFAULT_POLL_POLICY',
        'AdaptivePoll',
        'adaptive',
        'adaptiveDelayMs',
        'estimateDuration',
        'cancelJobs',
        'DEFAULT_RETRY',
        'BudgetExceededError',
        'DEFAULT_SHARED_PAUSE_MS',
        'FlowControl',
        'DataDictionaryRequestSchema',
        'DataDictionaryResponseSchema',
        'DDICategorySchema',
        'DDIValueDomainSchema',
        'EmbeddingsRequestSchema',
        'EmbeddingsResponseSchema',
        'ErrorResponseSchema',
        'ExtractionsRequestSchema',
        'ExtractionsResponseSchema',
        'HealthResponseSchema',
        'InsufficientCreditsError',
        'Job',
        'mapJob',
        'waitForAny',
        'waitForStatus',
        'JobFailedError',
        'JobStatusSchema',
        'JobSubmissionSchema',
        'JobTimeoutError',
        'Jobs',
        'MemoryRunStore',
        'LocalStorageRunStore',
        'RunLog',
        'RUN_RECORD_FORMAT',
        'SplitJob',
        'LIMITS',
        'MissingPackageError',
        'NotFoundError',
        'PermissionDeniedError',
        'PulseAbortError',
        'PulseApiError',
        'PulseBatchError',
        'PulseClient',
        'PulseConnectionError',
        'PulseError',
        'PulseTimeoutError',
        'PulseValidationError',
        'RateLimitError',
        'ResponseTooLargeError',
        'ResponseValidationError',
        'SentimentRequestSchema',
        'SentimentResponseSchema',
        'ServerError',
        'SimilarityRequestSchema',
        'SimilarityResponseSchema',
        'StaticTokenAuth',
        'SummariesRequestSchema',
        'SummariesResponseSchema',
        'ThemesRequestSchema',
        'ThemesResponseSchema',
        'UsageEstimateRequestSchema',
        'UsageEstimateResponseSchema',
        'VERSION',
        'allocateThemes',
        'analyzeSentiment',
        'backoffDelayMs',
        'batchTexts',
        'createEmbeddings',
        'extractElements',
        'gatherJobs',
        'submitAndGatherJobs',
        'concurrentMap',
        'crossMatrix',
        'isTerminalStatus',
        'parseRetryAfterMs',
        'pollDelayMs',
        'resultSchemas',
        'selfMatrix',
        'triangleSize',
        'AnalysisResult',
        'AnalysisResults',
        'Analyzer',
        'Cluster',
        'ClusterResult',
        'DEFAULT_THEME_THRESHOLD',
        'DataDictionary',
        'DataDictionaryResult',
        'Embeddings',
        'EmbeddingsResult',
        'ExtractionResult',
        'MemoryCache',
        'Process',
        'SENTIMENTS',
        'SentimentProcess',
        'SentimentResult',
        'Similarity',
        'SimilarityResult',
        'Summary',
        'SummaryResult',
        'ThemeAllocation',
        'ThemeAllocationResult',
        'ThemeExtraction',
        'ThemeGeneration',
        'ThemeGenerationResult',
        'Workflow',
        'WorkflowSpecSchema',
        'WorkflowStepSpecSchema',
        'clusterAnalysis',
        'compareSimilarity',
        'estimateUsage',
        'generateDataDictionary',
        'generateThemes',
        'sentimentAnalysis',
        'summarize',
        'themeAllocation',
        'toCSV',
        'renderHtmlReport',
        'themeBarsSvg',
        'similarityHeatmapSvg',
        'MAX_HEATMAP_SIDE',
        'sentimentByTheme',
        'collectResults',
      ].sort(),
    );
  });

  it('VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(pulse.VERSION).toBe(pkg.version);
  });

  it('the core entry imports no Node-only module and no emulator', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const [, spec] of src.matchAll(/from '([^']+)'/g)) {
        expect(spec).not.toMatch(/^node:|^(fs|http|https|zlib|crypto|net|path|stream|bullmq|ioredis)$/);
        if (spec!.startsWith('.')) {
          const base = join(file, '..', spec!);
          const candidates = [`${base}.ts`, join(base, 'index.ts')];
          const next = candidates.find((c) => {
            try {
              readFileSync(c);
              return true;
            } catch {
              return false;
            }
          });
          if (next) visit(next);
        }
      }
    };
    visit(join(__dirname, '..', 'src', 'index.ts'));
    expect(seen.size).toBeGreaterThan(20);
  });
});

describe('pulse-rx/testing entry', () => {
  it('exports exactly the documented runtime surface', () => {
    expect(Object.keys(testing).sort()).toEqual(['JOB_EVENT_LETTERS', 'createInMemoryPulse', 'jobEventLetters', 'jobEventValues'].sort());
  });
});

// Angular ships ES modules only: the angular entry's list is checked in an esbuild bundle.
loadSuite('exports.suite.ts');
