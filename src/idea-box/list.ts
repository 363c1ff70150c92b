/**
 * Browsing published ideas: a page at a time from the collector (sorted, filtered by topic), "Show more"
 * for the next page, and the loading, empty and error states in one polite status line. Only the ideas
 * loaded so far are in the page, each as a short excerpt until opened, so a collector holding 500 ideas
 * costs the page what the visitor asked to see. A newer request wins over an older one still on its way.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Announcer } from '../core/a11y/announcer.js';
import type { DeliveryNote } from '../core/delivery/delivery-note.js';
import { choiceLabel } from '../core/fields/choices.js';
import { renderSelect } from '../core/fields/select-field.js';
import { resolveEndpoint } from '../core/element/config.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { Locale } from '../core/language/locale.js';
import * as core from '../core/language/messages.js';
import * as paths from '../core/delivery/paths.js';
import type { FailureReason } from '../core/delivery/transport.js';
import type { EpIdeaBox } from './ep-idea-box.js';
import { renderIdea } from './idea.js';
import { parsePage, type Idea } from './ideas.js';
import * as t from './messages.js';
import { sortOf, viewOf } from './model.js';
import { Supports } from './support.js';
import type { Submitter } from '../core/delivery/submitter.js';

export class IdeaList implements ReactiveController {
  items: Idea[] = [];
  /** The first page is loading, or could not; the list is shown; or the next page is loading, or could not. */
  #state: 'loading' | 'error' | 'ready' | 'more' | 'more-error' = 'loading';
  #next?: string | undefined;
  #total?: number | undefined;
  #failure: FailureReason = 'server';
  /** What the shown list was asked for (endpoint, sort, topic, page size): a change reloads it. */
  #key?: string | undefined;
  /** The latest request; an answer to an older one is dropped. */
  #request = 0;
  readonly #expanded = new Set<string>();
  /**
   * Each idea's rendering with what it showed: an idea renders again only when something it shows changed, so
   * an update with 500 shown does not build 500 again (Lit then finds each one's values unchanged).
   */
  readonly #rendered = new WeakMap<Idea, [unknown[], TemplateResult]>();
  readonly #supports: Supports;

  constructor(
    private readonly host: EpIdeaBox,
    private readonly announcer: Announcer,
    private readonly submitter: Submitter,
    delivery: DeliveryNote,
  ) {
    host.addController(this);
    this.#supports = new Supports(
      host,
      announcer,
      submitter,
      (id) => this.items.find((idea) => idea.id === id),
      delivery,
    );
  }

  hostUpdate(): void {
    const { host } = this;
    const endpoint = resolveEndpoint(host.endpoint, host.ownerDocument);
    const key =
      endpoint && viewOf(host.view) !== 'form'
        ? `${endpoint} ${sortOf(host.sort)} ${host.topic} ${host.limit}`
        : undefined;
    if (key === this.#key) return;
    this.#key = key;
    if (key) void this.#load(false);
  }

  async #load(more: boolean): Promise<void> {
    const request = ++this.#request;
    const { host } = this;
    this.#state = more ? 'more' : 'loading';
    if (!more) {
      this.items = [];
      this.#next = this.#total = undefined;
      this.#expanded.clear();
    }
    host.requestUpdate();
    const query = {
      sort: sortOf(host.sort),
      limit: host.limit,
      topic: host.topic,
      cursor: more ? this.#next : undefined,
    };
    let outcome: Awaited<ReturnType<Awaited<ReturnType<Submitter>>['read']>>;
    try {
      const { read } = await this.submitter();
      outcome = await read(host, (endpoint) => paths.ideas(endpoint, query));
    } catch {
      // The transport could not be downloaded: as unreachable.
      outcome = { type: 'failed', reason: 'network' };
    }
    if (request !== this.#request) return;
    const page = outcome?.type === 'ok' ? parsePage(outcome.body) : undefined;
    if (!page) {
      this.#failure = outcome?.type === 'failed' ? outcome.reason : 'server';
      this.#state = more ? 'more-error' : 'error';
      // By "Show more", and said: the status line stays what it was.
      if (more) void this.announcer.announce(`${t.loadFailed()} ${core.failureMessage(this.#failure)}`);
      return host.requestUpdate();
    }
    const first = this.items.length;
    // Ideas may move between pages while the visitor reads (a new one published, supports changed): each once.
    const known = new Set(this.items.map((idea) => idea.id));
    this.items = [
      ...this.items,
      ...this.#supports.adjust(page.items.filter((idea) => !known.has(idea.id) && known.add(idea.id))),
    ];
    this.#next = page.next;
    this.#total = page.total;
    this.#state = 'ready';
    // After "Show more", the visitor goes on reading at the first new idea.
    if (more && this.items.length > first) this.announcer.focus(`#idea-${first}-title`);
    host.requestUpdate();
  }

  #retry = (): void => {
    // The Try again button goes while loading: focus waits on the list's title, then the status is heard.
    this.announcer.focus('#list-title');
    void this.#load(false);
  };

  #showMore = (): void => {
    if (this.#state !== 'more') void this.#load(true);
  };

  /** Sort and filter set the element's `sort` and `topic`: the list reloads for them (hostUpdate). */
  #onChange = (event: Event): void => {
    const { name, value } = event.target as HTMLSelectElement;
    if (name === 'sort') this.host.sort = sortOf(value);
    else this.host.topic = value;
  };

  /** One listener for every idea's buttons: Read more, and Support. */
  #onClick = (event: Event): void => {
    const button = (event.target as Element).closest('button');
    const expand = button?.dataset.expand;
    if (expand !== undefined) {
      if (!this.#expanded.delete(expand)) this.#expanded.add(expand);
      this.host.requestUpdate();
    } else if (button?.dataset.support !== undefined) void this.#supports.toggle(button.dataset.support);
  };

  #status(locale: Locale): string {
    if (this.#state === 'loading') return t.loading();
    if (this.#state === 'error') return `${t.loadFailed()} ${core.failureMessage(this.#failure)}`;
    if (this.items.length === 0) return t.empty(Boolean(this.host.topic));
    return this.#total === undefined
      ? ''
      : t.shown(this.items.length, Math.max(this.#total, this.items.length), locale);
  }

  /** The list with its controls; `level` is the level of its title. */
  render(level: number): TemplateResult {
    const { host } = this;
    const locale = renderedLocale();
    const topics = host.topicList;
    const view = { level: Math.min(level + 1, 6), locale, topics };
    return html`<section class="ideas" part="list" aria-labelledby="list-title">
      <div id="list-title" class="subtitle" role="heading" aria-level=${level} tabindex="-1">${t.listTitle()}</div>
      <div class="controls" part="controls">
        ${renderSelect({
          id: 'sort',
          name: 'sort',
          label: t.sortLabel(),
          options: [
            { value: 'supported', label: t.sortSupported() },
            { value: 'newest', label: t.sortNewest() },
          ],
          value: sortOf(host.sort),
          onChange: this.#onChange,
        })}
        ${renderSelect({
          id: 'filter',
          name: 'topic',
          label: t.topicLabel(),
          options: [
            { value: '', label: t.allTopics() },
            ...topics.map((topic) => ({ value: topic.code, label: choiceLabel(topic, locale) })),
          ],
          value: host.topic,
          onChange: this.#onChange,
        })}
      </div>
      <p id="list-status" class="hint" part="list-status" role="status">${this.#status(locale)}</p>
      ${this.#state === 'error' ? html`<button type="button" part="retry-button" @click=${this.#retry}>${core.tryAgain()}</button>` : nothing}
      ${
        this.items.length
          ? html`<ol class="idea-list" part="ideas" aria-labelledby="list-title" @click=${this.#onClick}>
            ${this.items.map((idea, index) => {
              const key = `idea-${index}`;
              const expanded = this.#expanded.has(idea.id);
              const shows = [
                key,
                idea.supports,
                expanded,
                ...this.#supports.stateOf(idea.id),
                locale,
                level,
                host.topics,
              ];
              let kept = this.#rendered.get(idea);
              if (!kept || shows.some((value, i) => value !== kept![0][i])) {
                this.#rendered.set(
                  idea,
                  (kept = [
                    shows,
                    renderIdea(idea, key, { ...view, expanded, support: this.#supports.render(idea, key) }),
                  ]),
                );
              }
              return html`<li>${kept[1]}</li>`;
            })}
          </ol>`
          : nothing
      }
      ${this.#state === 'more-error' ? html`<p class="error-message" part="error more-error">${t.loadFailed()} ${core.failureMessage(this.#failure)}</p>` : nothing}
      ${
        this.#next
          ? html`<button type="button" part="more-button" aria-disabled=${this.#state === 'more' ? 'true' : 'false'} @click=${this.#showMore}>
            ${this.#state === 'more' ? t.loading() : t.more()}
          </button>`
          : nothing
      }
    </section>`;
  }
}
