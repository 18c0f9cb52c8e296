/**
 * pulse-rx: a reactive TypeScript client for the Pulse text-analysis API.
 * This barrel is the public surface; everything not exported here is internal.
 *
 * @packageDocumentation
 * @module pulse-rx
 */
export { VERSION } from './version';

// Client
export { PulseClient } from './client/PulseClient';
export type { PulseClientOptions } from './client/PulseClientOptions';
export type { CallOptions, CallResult, SimpleCallOptions, BatchOutcome, SettledBatches, RunOptions } from './client/CallOptions';
export type { BudgetConfig } from './client/CallOptions';
export { selfMatrix, crossMatrix, triangleSize } from './client/endpoints/similarityMatrix';

// Auth
export type { AuthProvider, AuthContext } from './auth/AuthProvider';
export { StaticTokenAuth } from './auth/StaticTokenAuth';
export { ClientCredentialsAuth, type ClientCredentialsAuthOptions } from './auth/ClientCredentialsAuth';
export {
  AuthorizationCodePKCEAuth,
  type AuthorizationCodePKCEAuthOptions,
  type AuthorizationRequest,
} from './auth/AuthorizationCodePKCEAuth';

// Jobs
export { Job, type JobRef } from './jobs/Job';
export { mapJob } from './jobs/mapJob';
export { waitForAny, type FirstJob, type WaitForAnyConfig } from './jobs/waitForAny';
export { waitForStatus, type WaitForStatusConfig } from './jobs/waitForStatus';
export { Jobs, type PollOptions } from './jobs/Jobs';
export { cancelJobs } from './jobs/cancelJobs';
export type {
  JobEvent,
  JobPart,
  JobSubmittedEvent,
  JobStatusEvent,
  JobProgressEvent,
  JobResultEvent,
} from './jobs/JobEvent';
export { DEFAULT_POLL_POLICY, pollDelayMs, type PollPolicy } from './jobs/pollPolicy';
export { adaptive, AdaptivePoll, adaptiveDelayMs, type AdaptivePollOptions, type PolledJob } from './jobs/adaptivePoll';
export { estimateDuration, type DurationEstimate, type DurationObservation } from './jobs/durationModel';
export type { RunRecord, RunStore } from './jobs/RunStore';
export { MemoryRunStore } from './jobs/MemoryRunStore';
export { LocalStorageRunStore, type StorageLike } from './jobs/LocalStorageRunStore';
export { RunLog, RUN_RECORD_FORMAT, type RunPart, type RunShape } from './jobs/RunLog';
export { SplitJob, type SplitJobRef, type PartRef } from './jobs/SplitJob';

// Errors
export {
  PulseError,
  PulseApiError,
  BadRequestError,
  AuthenticationError,
  InsufficientCreditsError,
  PermissionDeniedError,
  NotFoundError,
  RateLimitError,
  ServerError,
  PulseConnectionError,
  PulseTimeoutError,
  PulseAbortError,
  PulseBatchError,
  PulseValidationError,
  ResponseValidationError,
  ResponseTooLargeError,
  MissingPackageError,
  JobFailedError,
  JobTimeoutError,
  BudgetExceededError,
} from './errors';

// Transport policy and logging
export { DEFAULT_RETRY, backoffDelayMs, parseRetryAfterMs, type RetryConfig } from './http/retryPolicy';
export type { Logger, LogLevel } from './http/logger';
export type { HttpClientInstance } from './http/types';
export { DEFAULT_SHARED_PAUSE_MS, type SharedRateLimit } from './http/SharedRateLimit';

// Wire schemas and types
export {
  SentimentRequestSchema,
  SentimentResponseSchema,
  EmbeddingsRequestSchema,
  EmbeddingsResponseSchema,
  SimilarityRequestSchema,
  SimilarityResponseSchema,
  ThemesRequestSchema,
  ThemesResponseSchema,
  ClusteringRequestSchema,
  ClusteringResponseSchema,
  ExtractionsRequestSchema,
  ExtractionsResponseSchema,
  SummariesRequestSchema,
  SummariesResponseSchema,
  DataDictionaryRequestSchema,
  DataDictionaryResponseSchema,
  JobStatusSchema,
  JobSubmissionSchema,
  ErrorResponseSchema,
  HealthResponseSchema,
  UsageEstimateRequestSchema,
  UsageEstimateResponseSchema,
  resultSchemas,
  isTerminalStatus,
  LIMITS,
} from './schemas';
export type {
  SentimentRequest,
  SentimentResponse,
  SentimentItem,
  EmbeddingsRequest,
  EmbeddingsResponse,
  EmbeddingDocument,
  SimilarityRequest,
  SimilarityResponse,
  Split,
  UnitAgg,
  ThemesRequest,
  ThemesResponse,
  Theme,
  ClusteringRequest,
  ClusteringResponse,
  ClusterGroup,
  ExtractionsRequest,
  ExtractionsResponse,
  SummariesRequest,
  SummariesResponse,
  DataDictionaryRequest,
  DataDictionaryResponse,
  DDIVariable,
  JobKind,
  JobStatus,
  JobStatusValue,
  JobSubmission,
  JobResult,
  ErrorResponse,
  ErrorDetail,
  HealthResponse,
  UsageEstimateRequest,
  UsageEstimateResponse,
  OrganizationCredits,
  UsageReport,
  UsageRecord,
  ProviderSpec,
  FastMode,
} from './schemas';
export { concurrentMap, type ConcurrentMapConfig } from './concurrency/concurrentMap';

// Batching and stream operators
export { gatherJobs, submitAndGatherJobs, type JobOutcome, type GatherJobsConfig, type SubmitAndGatherConfig } from './concurrency/gatherJobs';
export { batchTexts, type BatchTextsConfig, type TextProgress, type IndexedText } from './operators/batchTexts';
export { analyzeSentiment, type AnalyzeSentimentConfig, type TextSentiment } from './operators/analyzeSentiment';
export type { TextEmbedding } from './operators/createEmbeddings';
export type { ExtractElementsConfig, TextExtraction } from './operators/extractElements';
export { allocateThemes, type AllocateThemesConfig, type TextAllocation } from './operators/allocateThemes';
export { FlowControl } from './concurrency/FlowControl';
export { DEFAULT_THEME_THRESHOLD } from './operators/themeScores';

// Starters (createEmbeddings and extractElements are also the stream operators, given a client)
export {
  sentimentAnalysis,
  generateThemes,
  themeAllocation,
  clusterAnalysis,
  summarize,
  extractElements,
  compareSimilarity,
  createEmbeddings,
  estimateUsage,
  generateDataDictionary,
  type StarterOptions,
  type StarterResult,
  type ExtractElementsOptions,
  type CompareSimilarityOptions,
  type DataDictionaryStarterOptions,
} from './analysis/starters';
export type { TextsInput } from './analysis/inputs';

// Results
export { AnalysisResult } from './analysis/results/AnalysisResult';
export { SentimentResult, SENTIMENTS, type Sentiment, type SentimentSummary } from './analysis/results/SentimentResult';
export { ThemeGenerationResult } from './analysis/results/ThemeGenerationResult';
export {
  ThemeAllocationResult,
  type ThemeAllocationData,
  type ThemeScore,
  type SingleAssignment,
  type MultiAssignment,
  type ThemeShare,
  type ThemeGroup,
} from './analysis/results/ThemeAllocationResult';
export { ClusterResult, type IndexedCluster } from './analysis/results/ClusterResult';
export { ExtractionResult } from './analysis/results/ExtractionResult';
export { SummaryResult } from './analysis/results/SummaryResult';
export { DataDictionaryResult } from './analysis/results/DataDictionaryResult';
export { DDICategorySchema, DDIValueDomainSchema, type DDICategory, type DDIValueDomain } from './schemas/dataDictionary';
export { SimilarityResult, type Neighbour } from './analysis/results/SimilarityResult';
export { EmbeddingsResult } from './analysis/results/EmbeddingsResult';
export { toCSV, type Row } from './analysis/csv';

// Processes and the Analyzer
export { Process, type ProcessContext, type ProcessEmission, type ProcessKind, type ProcessOptions, type ProviderOptions } from './analysis/Process';
export { ThemeGeneration, type ThemeGenerationOptions } from './analysis/processes/ThemeGeneration';
export { SentimentProcess, type SentimentOptions } from './analysis/processes/SentimentProcess';
export { ThemeAllocation, type ThemeAllocationOptions } from './analysis/processes/ThemeAllocation';
export { ThemeExtraction, type ThemeExtractionOptions } from './analysis/processes/ThemeExtraction';
export type { ThemeSourceOptions } from './analysis/processes/themeSource';
export { Similarity, type SimilarityOptions } from './analysis/processes/Similarity';
export { Cluster, type ClusterOptions } from './analysis/processes/Cluster';
export { Summary, type SummaryOptions } from './analysis/processes/Summary';
export { DataDictionary, type DataDictionaryOptions } from './analysis/processes/DataDictionary';
export { Embeddings, type EmbeddingsOptions } from './analysis/processes/Embeddings';
export { Analyzer, type AnalyzerOptions, type AnalyzerRunOptions } from './analysis/Analyzer';
export { collectResults } from './analysis/collectResults';
export { AnalysisResults, type ResultMap } from './analysis/AnalysisResults';
export type { AnalysisEvent, AnalysisDone, RunMonitor } from './analysis/AnalysisEvent';
export { MemoryCache, type ResultCache } from './analysis/cache';

// Workflow DSL
export { Workflow, type StepOptions, type WorkflowRunOptions, type WorkflowGraph, type WorkflowNode, type WorkflowLoadOptions } from './workflow/Workflow';
export { WorkflowSpecSchema, WorkflowStepSpecSchema, type WorkflowSpec, type WorkflowStepSpec } from './workflow/WorkflowSpec';
export type { StepSource } from './workflow/StepSource';

// Reports
export { renderHtmlReport, type HtmlReportOptions } from './report/renderHtmlReport';
export { themeBarsSvg, similarityHeatmapSvg, MAX_HEATMAP_SIDE } from './report/charts';
export { sentimentByTheme, type ThemeSentiment } from './analysis/sentimentByTheme';
