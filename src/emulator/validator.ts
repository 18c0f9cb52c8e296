import type Ajv2020Class from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import spec from './openapi.json';

/** One problem with a request, shaped as the spec's `ErrorResponse.errors[]`. */
export interface ValidationIssue {
  message: string;
  path: (string | number)[];
  field: string;
  location: 'body' | 'query' | 'path';
  code?: string;
  /** For type errors: the type the schema wants and the one given (not sent; the text/plain 400 quirk shows them). */
  expected?: string;
  received?: string;
}

/**
 * Request validation compiled from the OpenAPI document shipped in the package (JSON
 * Schema 2020-12, as OpenAPI 3.1 uses). Validators are compiled on first use.
 */
export class SpecValidator {
  private readonly ajv: InstanceType<typeof Ajv2020Class>;
  private readonly cache = new Map<string, ValidateFunction>();

  /**
   * `Ajv` is ajv's 2020-12 class, an optional peer dependency: `loadAjv()` on Node (a clear
   * error when it is missing), a static import in a browser bundle (`pulse-rx/testing`).
   */
  constructor(Ajv: typeof Ajv2020Class) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, verbose: true });
    this.ajv.addSchema({ ...(spec as object), $id: 'openapi' });
  }

  /** Issues of a request body for `path` (e.g. `/sentiment`), empty when valid. */
  requestBody(path: string, body: unknown): ValidationIssue[] {
    return this.check(`openapi#/paths/${pointer(path)}/post/requestBody/content/application~1json/schema`, body, 'body');
  }

  /** Issues of a response body against the spec's schema for `path` and status. */
  responseBody(path: string, method: 'get' | 'post', status: number, body: unknown): ValidationIssue[] {
    return this.check(`openapi#/paths/${pointer(path)}/${method}/responses/${status}/content/application~1json/schema`, body, 'body');
  }

  /** Whether the spec documents a JSON response for `path`, method and status. */
  hasResponse(path: string, method: 'get' | 'post', status: number): boolean {
    const paths = (spec as { paths: Record<string, Record<string, { responses?: Record<string, { content?: object }> }>> }).paths;
    return Boolean(paths[path]?.[method]?.responses?.[String(status)]?.content);
  }

  /** Issues of a value against a component schema, e.g. `SentimentResponse`. */
  component(name: string, value: unknown): ValidationIssue[] {
    return this.check(`openapi#/components/schemas/${name}`, value, 'body');
  }

  private check(ref: string, value: unknown, location: 'body' | 'query'): ValidationIssue[] {
    let validate = this.cache.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.cache.set(ref, validate);
    }
    return validate(value) ? [] : toIssues(validate.errors ?? [], location);
  }
}

function pointer(path: string): string {
  return path.replace(/~/g, '~0').replace(/\//g, '~1');
}

function toIssues(errors: ErrorObject[], location: 'body' | 'query'): ValidationIssue[] {
  // oneOf/anyOf produce one error per branch; keep the most specific ones first.
  return errors
    .filter((e) => e.keyword !== 'oneOf' || errors.length === 1)
    .slice(0, 10)
    .map((e) => {
      const path = e.instancePath
        .split('/')
        .slice(1)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
      const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
      return {
        message: `${e.message ?? 'invalid'}${extra}`,
        path,
        field: path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join(''),
        location,
        code: e.keyword,
        ...(e.keyword === 'type' ? { expected: String((e.params as { type?: unknown }).type), received: typeName(e.data) } : {}),
      };
    });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
