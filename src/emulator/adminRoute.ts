import { PulseValidationError } from '../errors';
import type { ApiReply } from './api';
import type { JournalEntry } from './EmulatorOptions';
import { parseFaults, type FaultInjector, type FaultRule } from './faults';

/** What the admin routes read and change. */
export interface AdminState {
  journal: JournalEntry[];
  faults: FaultInjector;
  reset(): void;
}

/**
 * `/_emulator/journal` (GET, DELETE), `/_emulator/faults` (GET, PUT, POST, DELETE) and
 * `POST /_emulator/reset`. Bad fault rules answer 400 `invalid_fault` naming the field;
 * callers refuse web pages first (`adminRefusal`).
 *
 * @example
 * adminRoute('PUT', '/_emulator/faults', '[{"path":"/jobs","action":{"type":"hang"}}]', state);
 */
export function adminRoute(method: string, path: string, raw: string, s: AdminState): ApiReply {
  try {
    if (path === '/_emulator/journal') {
      if (method === 'DELETE') s.journal.length = 0;
      return { status: 200, body: s.journal };
    }
    if (path === '/_emulator/faults') {
      if (method === 'PUT') s.faults.set(parseFaults(raw || '[]'));
      else if (method === 'POST') s.faults.add(JSON.parse(raw) as FaultRule);
      else if (method === 'DELETE') s.faults.clear();
      return { status: 200, body: s.faults.list() };
    }
    if (path === '/_emulator/reset' && method === 'POST') {
      s.reset();
      return { status: 200, body: { reset: true } };
    }
  } catch (e) {
    const field = PulseValidationError.is(e) ? { field: e.field } : {};
    return { status: 400, body: { code: 'invalid_fault', message: (e as Error).message, ...field } };
  }
  return { status: 404, body: { code: 'not_found', message: `No admin route ${method} ${path}` } };
}
