/**
 * Counters and histograms, written out in the Prometheus text exposition format (version 0.0.4), by hand:
 * the collector needs a few series, and the format is a page of text. Label values are escaped as the
 * format says (backslash, double quote, line feed); names and label names are ours, and fixed.
 */

export const EXPOSITION_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Readonly<Record<string, string>>;

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function labelText(names: readonly string[], labels: Labels, extra = ''): string {
  const parts = names.map((name) => `${name}="${escapeLabel(labels[name] ?? '')}"`);
  if (extra) parts.push(extra);
  return parts.length ? `{${parts.join(',')}}` : '';
}

const numberText = (value: number): string =>
  value === Infinity ? '+Inf' : value === -Infinity ? '-Inf' : Number.isNaN(value) ? 'NaN' : String(value);

interface Series<T> {
  labels: Labels;
  value: T;
}

/** One metric family: its series by label values. */
abstract class Family<T> {
  protected readonly series = new Map<string, Series<T>>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  protected seriesOf(labels: Labels, initial: () => T): Series<T> {
    const key = this.labelNames.map((name) => labels[name] ?? '').join('\u0000');
    let found = this.series.get(key);
    if (!found) this.series.set(key, (found = { labels: { ...labels }, value: initial() }));
    return found;
  }

  abstract lines(): string[];
}

export class Counter extends Family<number> {
  inc(labels: Labels = {}, by = 1): void {
    this.seriesOf(labels, () => 0).value += by;
  }

  /** The current value of one series (0 when never counted). */
  get(labels: Labels = {}): number {
    return this.seriesOf(labels, () => 0).value;
  }

  lines(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.series.values())
      out.push(`${this.name}${labelText(this.labelNames, labels)} ${numberText(value)}`);
    return out;
  }
}

interface Buckets {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends Family<Buckets> {
  /** Upper bounds, ascending; `+Inf` is added in the exposition. */
  readonly bounds: readonly number[];

  constructor(name: string, help: string, labelNames: readonly string[], bounds: readonly number[]) {
    super(name, help, labelNames);
    this.bounds = [...bounds].sort((a, b) => a - b);
  }

  observe(labels: Labels, value: number): void {
    const buckets = this.seriesOf(labels, () => ({ counts: this.bounds.map(() => 0), sum: 0, count: 0 })).value;
    const index = this.bounds.findIndex((bound) => value <= bound);
    if (index >= 0) buckets.counts[index]! += 1;
    buckets.sum += value;
    buckets.count += 1;
  }

  lines(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, value } of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += value.counts[index]!;
        out.push(`${this.name}_bucket${labelText(this.labelNames, labels, `le="${numberText(bound)}"`)} ${cumulative}`);
      });
      out.push(`${this.name}_bucket${labelText(this.labelNames, labels, 'le="+Inf"')} ${value.count}`);
      out.push(`${this.name}_sum${labelText(this.labelNames, labels)} ${numberText(value.sum)}`);
      out.push(`${this.name}_count${labelText(this.labelNames, labels)} ${value.count}`);
    }
    return out;
  }
}

/** A value read when scraped (a process figure), as one unlabelled series. */
export class Sampled {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge',
    private readonly read: () => number,
  ) {}

  lines(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} ${this.type}`,
      `${this.name} ${numberText(this.read())}`,
    ];
  }
}

export class Registry {
  private readonly families: { lines(): string[] }[] = [];

  add<F extends { lines(): string[] }>(family: F): F {
    this.families.push(family);
    return family;
  }

  /** Every family, in the order added, as the exposition format's text. */
  exposition(): string {
    return `${this.families.flatMap((family) => family.lines()).join('\n')}\n`;
  }
}
