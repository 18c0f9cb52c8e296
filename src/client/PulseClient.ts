import { asyncScheduler, defer, map, merge, Observable, of, Subject, switchMap, tap } from 'rxjs';
import { orgIdOfToken } from '../auth/orgIdOfToken';
import type { TokenSource } from '../http/interceptors';
import type { AuthProvider } from '../auth/AuthProvider';
import { AuthorizationCodePKCEAuth, type AuthorizationCodePKCEAuthOptions } from '../auth/AuthorizationCodePKCEAuth';
import { ClientCredentialsAuth, type ClientCredentialsAuthOptions } from '../auth/ClientCredentialsAuth';
import { DEFAULTS, readEnv } from '../auth/env';
import { StaticTokenAuth } from '../auth/StaticTokenAuth';
import { checkOptions } from '../http/checkOptions';
import { PulseValidationError } from '../errors';
import { createAxiosInstance, DEFAULT_MAX_RESPONSE_BYTES, fromAxios } from '../http/fromAxios';
import { defaultAgents } from '../http/defaultAgents';
import { HttpTransport } from '../http/HttpTransport';
import { MAX_TIMER_MS } from '../http/interceptors';
import { leveledLogger } from '../http/logger';
import { DEFAULT_TOKEN_TIMEOUT_MS } from '../auth/requestToken';
import { Secrets } from '../http/Secrets';
import { ClientCredentialsClientOptionsSchema, PkceClientOptionsSchema } from '../schemas/authOptions';
import { PulseClientOptionsSchema } from '../schemas/options';
import { DEFAULT_RETRY, type RetryConfig } from '../http/retryPolicy';
import type { HttpClientInstance } from '../http/types';
import { Jobs } from '../jobs/Jobs';
import { resolvePollPolicy } from '../jobs/pollPolicy';
import type { ClusteringRequest, ClusteringResponse } from '../schemas/clustering';
import type { DataDictionaryRequest, DataDictionaryResponse } from '../schemas/dataDictionary';
import type { EmbeddingsRequest, EmbeddingsResponse } from '../schemas/embeddings';
import type { ExtractionsRequest, ExtractionsResponse } from '../schemas/extractions';
import type { HealthResponse } from '../schemas/health';
import { LIMITS } from '../schemas/limits';
import type { SentimentRequest, SentimentResponse } from '../schemas/sentiment';
import type { SimilarityRequest, SimilarityResponse } from '../schemas/similarity';
import type { SummariesRequest, SummariesResponse } from '../schemas/summaries';
import type { ThemesRequest, ThemesResponse } from '../schemas/themes';
import type { OrganizationCredits, UsageEstimateRequest, UsageEstimateResponse } from '../schemas/usage';
import { callEndpoint, type CallContext } from './callEndpoint';
import { Closer } from '../http/Closer';
import type { CallOptions, CallResult, SimpleCallOptions } from './CallOptions';
import * as endpoints from './endpoints';
import type { PulseClientOptions } from './PulseClientOptions';
import { DEFAULT_MAX_PLANNED_OUTPUT } from './splitting/plannedOutput';
import { resolveBaseUrl } from './resolveOptions';
import { resumeSplitJob } from './resumeSplitJob';
import { brand, isBranded } from '../brand';

/**
 * The Pulse API as cold Observables: nothing is sent until you subscribe, each
 * subscription is one call, unsubscribing aborts it. By default a call emits its result
 * once and completes, so `firstValueFrom` is safe.
 *
 * @example
 * import { firstValueFrom } from 'rxjs';
 * import { PulseClient } from 'pulse-rx';
 *
 * const client = PulseClient.withClientCredentials();            // PULSE_* env vars
 * const { results } = await firstValueFrom(client.analyzeSentiment({ inputs: ['great', 'awful'], fast: true }));
 */
export class PulseClient {
  /** `instanceof` by brand, so it holds across copies of the library (ESM and CommonJS). */
  static [Symbol.hasInstance]<T>(this: { prototype: T }, value: unknown): value is T {
    return isBranded(this, value);
  }
  /** The `/jobs` resource: `status`, `poll`, `result`, `resume`. */
  readonly jobs: Jobs;
  readonly baseUrl: string;
  /** Requests in flight allowed for batched work. */
  readonly concurrency: number;
  /** The auth provider, if any. */
  readonly auth: AuthProvider | undefined;
  private readonly ctx: CallContext;
  private readonly closer = new Closer();
  private readonly http: HttpClientInstance;
  private readonly tokens: TokenSource | undefined;
  /** Ticks when a call of this client has its result (credits$ refreshes then). */
  private readonly jobDone = new Subject<void>();

  constructor(options: PulseClientOptions = {}) {
    // Own properties only, each checked by its rule: nothing inherited, nothing half-valid.
    const o = checkOptions(PulseClientOptionsSchema, options, '');
    this.baseUrl = resolveBaseUrl(o.baseUrl ?? readEnv('PULSE_BASE_URL') ?? DEFAULTS.baseUrl, o.allowInsecureHttp === true);
    const scheduler = o.scheduler ?? asyncScheduler;
    const retry: RetryConfig = { ...DEFAULT_RETRY, ...o.retry };
    if (o.maxRetries !== undefined) retry.maxRetries = o.maxRetries;
    this.concurrency = o.concurrency ?? 4;
    const auth = o.auth;
    this.auth = auth;
    // Node: keep-alive sockets, as many as the limiter lets through (+1 for a token refresh).
    this.http = o.axios ?? createAxiosInstance(defaultAgents(o.maxInFlight ?? 16));
    const random = o.random ?? Math.random;
    const timeoutMs = o.timeoutMs ?? 60_000;
    // A token request always has a deadline: the client's, or the API's default when it has none.
    const tokenTimeoutMs = timeoutMs <= MAX_TIMER_MS ? timeoutMs : DEFAULT_TOKEN_TIMEOUT_MS;
    const secrets = new Secrets();
    secrets.pin(decodeURIComponent(new URL(this.baseUrl).password));
    const logger = leveledLogger(o.logger, o.logLevel ?? 'warn', (text) => secrets.text(text));
    const transport: HttpTransport = new HttpTransport({
      backend: fromAxios(this.http, () => Date.now(), {
        maxResponseBytes: o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      }),
      baseUrl: this.baseUrl,
      retry,
      timeoutMs,
      scheduler,
      logger,
      random,
      secrets,
      allowInsecureHttp: o.allowInsecureHttp === true,
      maxInFlight: o.maxInFlight ?? 16,
      requestsPerSecond: o.requestsPerSecond,
      sharedRateLimit: o.sharedRateLimit,
      tokens: (this.tokens = auth && {
        token: () => auth.token({ send: (opts) => transport.send(opts), scheduler, secrets, timeoutMs: tokenTimeoutMs }),
        invalidate: (t) => auth.invalidate(t),
      }),
    });
    this.jobs = new Jobs(transport, scheduler, resolvePollPolicy(o.poll), random, { cancelOnUnsubscribe: o.cancelOnUnsubscribe });
    this.jobs.splitResumer = (ref, options) => resumeSplitJob(this.ctx, ref, options);
    this.ctx = {
      transport,
      jobs: this.jobs,
      settings: {
        maxTextLength: o.maxTextLength ?? LIMITS.maxTextLength,
        maxPlannedOutput: o.maxPlannedOutput === Number.POSITIVE_INFINITY ? undefined : (o.maxPlannedOutput ?? DEFAULT_MAX_PLANNED_OUTPUT),
      },
      closed: this.closer,
      concurrency: this.concurrency,
      resubmitFailedJobs: o.resubmitFailedJobs ?? 0,
    };
  }

  /**
   * OAuth2 client credentials; each credential falls back to its `PULSE_*` variable.
   *
   * @example
   * const client = PulseClient.withClientCredentials({ clientId: 'id', clientSecret: 'secret' });
   */
  static withClientCredentials(options: ClientCredentialsAuthOptions & PulseClientOptions = {}): PulseClient {
    const o = checkOptions(ClientCredentialsClientOptionsSchema, options, '');
    const { clientId, clientSecret, tokenUrl, audience, scope, bodyFormat, refreshSkewMs, tokenTimeoutMs, organization, ...clientOptions } = o;
    const allowInsecureHttp = o.allowInsecureHttp;
    const auth = new ClientCredentialsAuth({
      clientId, clientSecret, tokenUrl, audience, scope, bodyFormat, refreshSkewMs, tokenTimeoutMs, allowInsecureHttp, organization,
    });
    return new PulseClient({ ...clientOptions, auth });
  }

  /** A fixed bearer token. @example const client = PulseClient.withToken(token); */
  static withToken(token: string, options: PulseClientOptions = {}): PulseClient {
    return new PulseClient({ ...checkOptions(PulseClientOptionsSchema, options, ''), auth: new StaticTokenAuth(token) });
  }

  /**
   * Authorization code with PKCE; drive the flow through `client.auth`.
   *
   * @example
   * const client = PulseClient.withPkce({ clientId: 'id', redirectUri: 'http://localhost:3000/cb' });
   * const { url } = await client.auth.authorizationUrl();
   */
  static withPkce(
    options: AuthorizationCodePKCEAuthOptions & PulseClientOptions = {},
  ): PulseClient & { readonly auth: AuthorizationCodePKCEAuth } {
    const o = checkOptions(PkceClientOptionsSchema, options, '');
    const { clientId, redirectUri, authorizeUrl, tokenUrl, audience, scope, organization, tokenTimeoutMs, ...rest } = o;
    const { code, codeVerifier, refreshToken, onRefreshToken, ...clientOptions } = rest;
    const auth = new AuthorizationCodePKCEAuth({
      ...{ clientId, redirectUri, authorizeUrl, tokenUrl, audience, scope, organization, tokenTimeoutMs },
      ...{ code, codeVerifier, refreshToken, onRefreshToken },
      allowInsecureHttp: o.allowInsecureHttp,
    });
    return new PulseClient({ ...clientOptions, auth }) as PulseClient & { readonly auth: AuthorizationCodePKCEAuth };
  }

  /**
   * From the environment: `PULSE_TOKEN` (a bearer token), else client credentials from
   * `PULSE_CLIENT_ID` and `PULSE_CLIENT_SECRET`; base URL from `PULSE_BASE_URL`.
   */
  static fromEnv(options: PulseClientOptions = {}): PulseClient {
    const token = readEnv('PULSE_TOKEN');
    if (token) return PulseClient.withToken(token, options);
    try {
      return PulseClient.withClientCredentials(options);
    } catch (e) {
      // Name both ways in: fromEnv reads PULSE_TOKEN first.
      if (PulseValidationError.is(e) && (e.field === 'clientId' || e.field === 'clientSecret')) {
        throw new PulseValidationError(e.field, `is required (pass it, or set PULSE_TOKEN, or PULSE_CLIENT_ID and PULSE_CLIENT_SECRET)`);
      }
      throw e;
    }
  }

  /** Sentiment of each input (positive, negative, neutral, mixed) with a confidence. */
  analyzeSentiment<O extends CallOptions = object>(request: SentimentRequest, options?: O): CallResult<SentimentResponse, O> {
    return this.call(endpoints.sentimentEndpoint, request, options);
  }

  /** Dense vectors of the inputs. */
  createEmbeddings<O extends CallOptions = object>(request: EmbeddingsRequest, options?: O): CallResult<EmbeddingsResponse, O> {
    return this.call(endpoints.embeddingsEndpoint, request, options);
  }

  /** Cosine similarity: self (`set`) or cross (`setA` × `setB`). */
  compareSimilarity<O extends CallOptions = object>(request: SimilarityRequest, options?: O): CallResult<SimilarityResponse, O> {
    return this.call(endpoints.similarityEndpoint, request, options);
  }

  /** Latent themes of the inputs, with labels, descriptions and representatives. */
  generateThemes<O extends CallOptions = object>(request: ThemesRequest, options?: O): CallResult<ThemesResponse, O> {
    return this.call(endpoints.themesEndpoint, request, options);
  }

  /** Groups the inputs into `k` clusters. */
  clusterTexts<O extends CallOptions = object>(request: ClusteringRequest, options?: O): CallResult<ClusteringResponse, O> {
    return this.call(endpoints.clusteringEndpoint, request, options);
  }

  /** Mentions of dictionary terms in each input. */
  extractElements<O extends CallOptions = object>(request: ExtractionsRequest, options?: O): CallResult<ExtractionsResponse, O> {
    return this.call(endpoints.extractionsEndpoint, request, options);
  }

  /** A summary of the inputs answering a question. */
  generateSummary<O extends CallOptions = object>(request: SummariesRequest, options?: O): CallResult<SummariesResponse, O> {
    return this.call(endpoints.summariesEndpoint, request, options);
  }

  /** A DDI codebook for a 2D array of cells (always a job). */
  generateDataDictionary<O extends CallOptions = object>(
    request: DataDictionaryRequest,
    options?: O,
  ): CallResult<DataDictionaryResponse, O> {
    return this.call(endpoints.dataDictionaryEndpoint, request, options);
  }

  /** Credits a call would use (no authentication needed). */
  estimateUsage(request: UsageEstimateRequest, options?: SimpleCallOptions): Observable<UsageEstimateResponse> {
    return endpoints.estimateUsage(this.ctx, request, options);
  }

  /** Service health; a degraded service's 503 document is emitted, not thrown. */
  getHealth(options?: SimpleCallOptions): Observable<HealthResponse> {
    return endpoints.getHealth(this.ctx, options);
  }

  /** Credits snapshot of an organization. */
  getOrganizationCredits(request: { orgId: string }, options?: SimpleCallOptions): Observable<OrganizationCredits> {
    return endpoints.getOrganizationCredits(this.ctx, request, options);
  }

  /**
   * The access token the client sends (fetched, or refreshed, as needed): for a tool that
   * needs the same session, or to finish a login (the code exchange happens here). It is a
   * secret: never log it.
   *
   * @example
   * const token = await firstValueFrom(client.accessToken());
   */
  accessToken(): Observable<string> {
    return defer(() => {
      if (!this.tokens) throw new PulseValidationError('auth', 'the client has no auth provider');
      return this.tokens.token();
    });
  }

  /**
   * The organisation's credits, now and again after each call of this client that gets its
   * result (a job done, a synchronous answer): a snapshot per emission, until unsubscribed.
   * Without `orgId`, the organisation is the access token's `org_id` claim.
   *
   * @example
   * const sub = client.credits$().subscribe((credits) => console.log(credits.balance));
   */
  credits$(orgId?: string, options?: SimpleCallOptions): Observable<OrganizationCredits> {
    const org$ = defer(() => {
      if (orgId !== undefined) return of(orgId);
      if (!this.tokens) throw new PulseValidationError('orgId', 'is required when the client has no auth to read it from');
      return this.tokens.token().pipe(map(orgIdOfToken));
    });
    return org$.pipe(
      switchMap((id) => merge(of(undefined), this.jobDone).pipe(switchMap(() => this.getOrganizationCredits({ orgId: id }, options)))),
    );
  }

  /**
   * Ends the client: calls in flight fail with `PulseAbortError` (their requests are
   * aborted), later calls fail at once, and sockets of the axios instance's agents close.
   */
  close(): void {
    this.closer.close();
    for (const agent of [this.http.defaults.httpAgent, this.http.defaults.httpsAgent]) {
      (agent as { destroy?: () => void } | undefined)?.destroy?.();
    }
  }

  /** `using client = new PulseClient(...)` closes it at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  private call<R, O extends CallOptions>(def: Parameters<typeof callEndpoint>[1], request: unknown, options?: O): CallResult<R, O> {
    const call$ = callEndpoint(this.ctx, def, request, options ?? {});
    // A handle is not a finished job: only calls that end with their result refresh credits$.
    if (options?.awaitJobResult === false) return call$ as CallResult<R, O>;
    // On the result itself, not on complete: `firstValueFrom` unsubscribes before complete.
    const isResult = (v: unknown) => options?.observe !== 'events' || (v as { type?: string }).type === 'result';
    return call$.pipe(tap<unknown>((v) => isResult(v) && this.jobDone.next())) as CallResult<R, O>;
  }
}
brand(PulseClient, 'PulseClient');

