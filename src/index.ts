/**
 * pulse-rx: a reactive TypeScript client for the Pulse text-analysis API.
 * This barrel is the public surface; everything not exported here is internal.
 */
export { VERSION } from './version';

// Client
export { PulseClient } from './client/PulseClient';
export type { PulseClientOptions } from './client/PulseClientOptions';
export type { CallOptions, CallResult, SimpleCallOptions, BatchOutcome, SettledBatches } from './client/CallOptions';
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
export { Jobs, type PollOptions } from './jobs/Jobs';
export type { JobEvent, JobSubmittedEvent, JobStatusEvent, JobResultEvent } from './jobs/JobEvent';
export { DEFAULT_POLL_POLICY, pollDelayMs, type PollPolicy } from './jobs/pollPolicy';

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
  JobFailedError,
  JobTimeoutError,
} from './http/errors';

// Transport policy and logging
export { DEFAULT_RETRY, backoffDelayMs, parseRetryAfterMs, type RetryConfig } from './http/retryPolicy';
export type { Logger, LogLevel } from './http/logger';
export type { HttpClientInstance } from './http/types';

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
  SentimentResult,
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
  Cluster,
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
export { concurrentMap, type ConcurrentMapConfig } from './batch/concurrentMap';

// Batching and stream operators
export { gatherJobs, submitAndGatherJobs, type JobOutcome, type GatherJobsConfig, type SubmitAndGatherConfig } from './batch/gatherJobs';
export { batchTexts, type BatchTextsConfig, type TextProgress, type IndexedText } from './operators/batchTexts';
export { analyzeSentiment, type AnalyzeSentimentConfig, type TextSentiment } from './operators/analyzeSentiment';
export { createEmbeddings, type TextEmbedding } from './operators/createEmbeddings';
export { extractElements, type ExtractElementsConfig, type TextExtraction } from './operators/extractElements';
export { allocateThemes, type AllocateThemesConfig, type TextAllocation } from './operators/allocateThemes';
export { FlowControl } from './batch/FlowControl';
