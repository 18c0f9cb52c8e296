import { PulseValidationError } from '../errors';
import type { ApiReply } from './api';

/** An emulated organisation: its id (carried by tokens as `org_id`) and its credit balance. */
export interface EmulatedOrganization {
  /** Omitted: tokens carry no organisation, and protected calls answer 401 `auth_missing_organization`. */
  id?: string;
  /** Credits left; a call that needs more answers 402 `insufficient_credits`. @default unlimited */
  credits?: number;
}

/** The organisation's live state: id and balance (restored by `reset()`). */
export interface OrganizationState {
  id?: string;
  balance?: number;
  initial?: number;
}

/**
 * Checks the `organization` option (`PulseValidationError` naming the field) and makes its state.
 *
 * @example
 * organizationState({ id: 'org_1', credits: 10 }); // { id: 'org_1', balance: 10, initial: 10 }
 */
export function organizationState(option: unknown): OrganizationState | undefined {
  if (option === undefined) return undefined;
  if (option === null || typeof option !== 'object' || Array.isArray(option)) throw new PulseValidationError('organization', 'must be an object');
  const { id, credits, ...rest } = option as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown) throw new PulseValidationError(`organization.${unknown}`, 'is not an option (id, credits)');
  if (id !== undefined && (typeof id !== 'string' || id === '')) throw new PulseValidationError('organization.id', 'must be a non-empty string');
  if (credits !== undefined && (typeof credits !== 'number' || !Number.isInteger(credits) || credits < 0)) {
    throw new PulseValidationError('organization.credits', 'must be a whole number of at least 0');
  }
  return { id, balance: credits, initial: credits };
}

/**
 * The spec's 401 `MissingOrg` for a token without `org_id`, its 403 `Forbidden` for another
 * organisation's credits; undefined when the call may go on.
 */
export function organizationRefusal(org: OrganizationState, claims: Record<string, unknown>, path: string): ApiReply | undefined {
  if (typeof claims.org_id !== 'string') return { status: 401, body: { code: 'auth_missing_organization', message: 'Missing organizationId' } };
  const credits = /^\/credits\/organizations\/([^/]+)$/.exec(path)?.[1];
  let asked: string | undefined;
  try {
    asked = credits === undefined ? undefined : decodeURIComponent(credits);
  } catch {
    return undefined; // the credits route answers the bad encoding
  }
  if (asked !== undefined && asked !== claims.org_id) return { status: 403, body: { code: 'forbidden', message: 'Forbidden' } };
  return undefined;
}

/** Charges `required` credits: the spec's 402 `InsufficientCredits` when the balance is short. */
export function charge(org: OrganizationState | undefined, required: number): ApiReply | undefined {
  if (org?.balance === undefined) return undefined;
  if (required > org.balance) {
    return { status: 402, body: { code: 'insufficient_credits', message: 'Insufficient credits', meta: { balance: org.balance, required } } };
  }
  org.balance -= required;
  return undefined;
}
