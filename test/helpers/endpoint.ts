/**
 * A fresh space on the test server's collector (tools/dev-endpoint.mjs) for each test: script what it
 * answers (status, delay, body, a dropped connection), and read back exactly what arrived over HTTP.
 */
import { waitUntil } from '@open-wc/testing';
import { resetPage } from './page.js';

export interface Scripted {
  status?: number;
  delayMs?: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  drop?: boolean;
  hang?: boolean;
  stall?: boolean;
  repeat?: number;
}

export interface Logged {
  method: string;
  route: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: any;
  /** The body exactly as it arrived (text). */
  text: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** How the collector answered: `normal` (stored, or the first answer again), a scripted status, `hang`, `drop`, `late`. */
  answer: string | number;
}

let counter = 0;
const freshBase = () => `/ep-dev/t${Date.now().toString(36)}${(counter += 1)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * `endpoint` for every test of the enclosing describe block, moved to a fresh space on the collector before
 * each test (then given to `prepare`), with the page reset around each test.
 */
export function endpointPerTest<E extends TestEndpoint>(endpoint: E, prepare?: (endpoint: E) => Promise<void>): E;
export function endpointPerTest(): TestEndpoint;
export function endpointPerTest(
  endpoint = new TestEndpoint(),
  prepare?: (endpoint: TestEndpoint) => Promise<void>,
): TestEndpoint {
  beforeEach(async () => {
    await resetPage();
    endpoint.base = freshBase();
    await prepare?.(endpoint);
  });
  afterEach(resetPage);
  return endpoint;
}

export class TestEndpoint {
  /** Where this test's space on the collector is (endpointPerTest moves it for each test). */
  base = freshBase();

  async script(route: 'submissions' | 'tally' | 'changes', ...responses: Scripted[]): Promise<void> {
    const response = await fetch(`${this.base}/__script`, {
      method: 'POST',
      body: JSON.stringify({ route, responses }),
    });
    if (!response.ok) throw new Error(`scripting the endpoint failed: ${response.status}`);
  }

  /** The "what we changed" note the collector answers for `page` (none: `{ note: null }`). */
  async setChanges(page: string, note: unknown): Promise<void> {
    const response = await fetch(`${this.base}/__changes`, { method: 'POST', body: JSON.stringify({ page, note }) });
    if (!response.ok) throw new Error(`setting the changes failed: ${response.status}`);
  }

  /** Forgets scripted answers not used yet (the collector is back): later requests get normal answers. */
  async recover(route: 'submissions' | 'tally' = 'submissions'): Promise<void> {
    await fetch(`${this.base}/__script`, {
      method: 'POST',
      body: JSON.stringify({ route, responses: [], clear: true }),
    });
  }

  /** What the collector kept: each envelope once, however often it arrived. */
  async stored(): Promise<Array<{ id: string; kind: string; data: Record<string, unknown> }>> {
    return (await fetch(`${this.base}/__stored`)).json();
  }

  async log(): Promise<Logged[]> {
    return (await fetch(`${this.base}/__log`)).json();
  }

  async posted(): Promise<Logged[]> {
    return (await this.log()).filter((entry) => entry.route === 'submissions');
  }

  async waitForPosts(count: number): Promise<Logged[]> {
    let posts: Logged[] = [];
    await waitUntil(async () => (posts = await this.posted()).length >= count, `expected ${count} submissions`, {
      timeout: 4000,
    });
    return posts;
  }
}
