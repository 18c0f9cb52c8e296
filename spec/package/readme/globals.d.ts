// What the README's snippets take as given: a logged-in client and some texts.
import type { PulseClient } from 'pulse-rx';
import type { Emulator } from 'pulse-rx/emulator';

declare global {
  var client: PulseClient;
  /** Only for blocks marked as fragments (type-checked, not run). */
  var emulator: Emulator;
  var clientId: string;
  var clientSecret: string;
  var reviews: string[];
  var tickets: string[];
  var inputs: string[];
  var bigListOf4000: string[];
  var twentyThousandReviews: string[];
  /** A local redis-server (the fleet section). */
  var redisConnection: { host: string; port: number };
  function render(...values: unknown[]): void;
  function showError(error: unknown): void;
  function save(text: string): void;
}

export {};
