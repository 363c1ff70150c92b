/**
 * A store that times every operation of the store it wraps (for `ep_store_operation_seconds`). A Proxy,
 * so that every method is timed, those a store gains later included, without a line per method here.
 * The outcome is `ok`, `unavailable` (StoreUnavailableError: a 503) or `error` (anything else thrown,
 * a refusal included).
 */
import { performance } from 'node:perf_hooks';
import { StoreUnavailableError, type Store } from './types.js';

export type Outcome = 'ok' | 'unavailable' | 'error';
export type Observe = (operation: string, outcome: Outcome, seconds: number) => void;

const outcomeOf = (error: unknown): Outcome => (error instanceof StoreUnavailableError ? 'unavailable' : 'error');

export function timedStore<S extends Store>(store: S, observe: Observe): S {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let timed = wrapped.get(property);
      if (!timed) {
        const method = value as (...args: unknown[]) => unknown;
        timed = (...args: unknown[]): unknown => {
          const started = performance.now();
          const done = (outcome: Outcome): void => observe(property, outcome, (performance.now() - started) / 1000);
          let result: unknown;
          try {
            result = method.apply(target, args);
          } catch (error) {
            done(outcomeOf(error));
            throw error;
          }
          if (!(result instanceof Promise)) {
            done('ok');
            return result;
          }
          return result.then(
            (answer: unknown) => (done('ok'), answer),
            (error: unknown) => {
              done(outcomeOf(error));
              throw error;
            },
          );
        };
        wrapped.set(property, timed);
      }
      return timed;
    },
  });
}
