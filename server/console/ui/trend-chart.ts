/**
 * A page's weekly trend drawn with uPlot on a canvas: the answers of each week as bars (against the axis on
 * the side where the line starts) and the share answering yes as a line with points (against the other
 * side). Time runs the way the language reads: right to left in Arabic (the x scale's `dir` reversed, the
 * answers' axis on the right). Every label on the axes comes from the console's formatters (`Intl`:
 * Arabic-Indic digits and Arabic month names in Arabic).
 *
 * The canvas is one image (`role="img"`) whose label, given by the screen, names the chart and points to
 * the table beside it that holds the same figures: a chart is a complex image, which WCAG asks to name
 * briefly and to describe in full in text (here, the table). No cursor, no legend of uPlot's own (hover
 * only, not reachable by keyboard; the table says the same), and nothing moves, so reduced motion asks
 * nothing more. Colours come from the console's tokens; in forced colours, from the system's, since a
 * canvas is not recoloured by the browser.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uPlotStyles from 'uplot/dist/uPlot.min.css?inline';
import type { Schemas } from './api.js';
import { count, percent, shortDay } from './formats.js';
import { language } from './language.js';

type Week = Schemas['PageTrend']['weeks'][number];

const HEIGHT = 280;
/** Room for one label of the time axis, in CSS pixels: enough for «٢٨ نوفمبر» in 14px. */
const DAY_LABEL_WIDTH = 96;
const DAY_SECONDS = 86_400;
const FORCED_COLORS = '(forced-colors: active)';

/** uPlot's axis sides. */
const RIGHT = 1;
const LEFT = 3;

@customElement('console-trend-chart')
@localized()
export class ConsoleTrendChart extends LitElement {
  static override styles = [
    unsafeCSS(uPlotStyles),
    css`
      :host {
        display: block;
        margin-block: 0 1rem;
        --_chart-bars: var(--_ep-color-primary);
        --_chart-line: var(--_ep-color-text);
        --_chart-grid: #d3d8d6;
        --_chart-text: var(--_ep-color-text);
      }
      @media (forced-colors: active) {
        :host {
          --_chart-bars: GrayText;
          --_chart-line: Highlight;
          --_chart-grid: GrayText;
          --_chart-text: CanvasText;
        }
      }
      /* uPlot places its labels for a left-to-right canvas; Arabic labels still read right to left within. */
      .canvas {
        direction: ltr;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        list-style: none;
        padding: 0;
        margin-block: 0.5rem 0;
      }
      .key li {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .swatch {
        display: inline-block;
        inline-size: 1rem;
        block-size: 1rem;
        background: var(--_chart-bars);
        forced-color-adjust: none;
      }
      .swatch.line {
        block-size: 0;
        border-block-start: 3px dashed var(--_chart-line);
        background: none;
      }
    `,
  ];

  @property({ attribute: false }) weeks: Week[] = [];
  /** The image's accessible name: what it shows, and where the same figures are in text. */
  @property() label = '';

  /** The labels each axis was last drawn with (x, answers, share), as the formatters wrote them. */
  readonly axisLabels: [string[], string[], string[]] = [[], [], []];

  private chart?: uPlot;
  private width = 0;
  private readonly resized = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width === this.width) return;
    this.width = width;
    this.chart?.setSize({ width, height: HEIGHT });
  });
  private readonly forcedColors = matchMedia(FORCED_COLORS);
  private readonly redraw = () => this.draw();

  /** The chart as uPlot drew it (its scales and positions), for tests and the developer tools. */
  get plot(): uPlot | undefined {
    return this.chart;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resized.observe(this);
    this.forcedColors.addEventListener('change', this.redraw);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resized.disconnect();
    this.forcedColors.removeEventListener('change', this.redraw);
    this.chart?.destroy();
    this.chart = undefined;
  }

  override render() {
    return html`
      <div class="canvas" role="img" aria-label=${this.label}></div>
      <ul class="key" aria-hidden="true">
        <li><span class="swatch"></span>${msg('Bars: answers in the week')}</li>
        <li><span class="swatch line"></span>${msg('Line: share that found the page useful')}</li>
      </ul>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.draw();
  }

  private draw(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.canvas');
    this.chart?.destroy();
    this.chart = undefined;
    if (!target || !this.weeks.length) return;
    this.width ||= Math.floor(this.getBoundingClientRect().width) || 600;
    const data: uPlot.AlignedData = [
      this.weeks.map((week) => Date.parse(`${week.start}T00:00:00Z`) / 1000),
      this.weeks.map((week) => week.total),
      this.weeks.map((week) => week.share),
    ];
    this.chart = new uPlot(this.options(), data, target);
  }

  private options(): uPlot.Options {
    const rtl = language() === 'ar';
    const style = getComputedStyle(this);
    const color = (name: string) => style.getPropertyValue(name).trim();
    const [text, grid, bars, line] = ['--_chart-text', '--_chart-grid', '--_chart-bars', '--_chart-line'].map(color);
    const font = `14px ${style.fontFamily}`;
    /** An axis drawn in the console's colours, its labels written by `format` and kept in `axisLabels`. */
    const axis = (index: 0 | 1 | 2, format: (value: number) => string): uPlot.Axis => ({
      stroke: text,
      font,
      labelFont: `600 ${font}`,
      grid: { stroke: grid, width: 1, show: index < 2 },
      ticks: { stroke: grid, width: 1 },
      values: (_chart, splits) => (this.axisLabels[index] = splits.map(format)),
    });
    return {
      width: this.width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      // Days as the API counts them, in UTC, wherever the browser is.
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
      scales: {
        // Half a week either side, so that the first and last bars are whole.
        x: {
          time: true,
          dir: rtl ? -1 : 1,
          range: (_chart, min, max) => [min - 3.5 * DAY_SECONDS, max + 3.5 * DAY_SECONDS],
        },
        answers: { range: (_chart, _min, max) => [0, Math.max(1, max) * 1.1] },
        share: { range: [0, 1] },
      },
      axes: [
        {
          ...axis(0, (seconds) => shortDay(seconds * 1000)),
          scale: 'x',
          // The weeks' Mondays, as many as have room, the latest always among them.
          splits: (chart) => {
            const weeks = [...chart.data[0]];
            const step = Math.ceil((weeks.length * DAY_LABEL_WIDTH) / Math.max(1, chart.bbox.width / devicePixelRatio));
            return weeks.filter((_week, index) => (weeks.length - 1 - index) % step === 0);
          },
        },
        {
          ...axis(1, (value) => (Number.isInteger(value) ? count(value) : '')),
          scale: 'answers',
          side: rtl ? RIGHT : LEFT,
          label: msg('Answers'),
        },
        {
          ...axis(2, (value) => percent(value)),
          scale: 'share',
          side: rtl ? LEFT : RIGHT,
          label: msg('Found it useful'),
        },
      ],
      series: [
        {},
        {
          label: msg('Answers'),
          scale: 'answers',
          fill: bars,
          stroke: bars,
          paths: uPlot.paths.bars!({ size: [0.6, 40] }),
          points: { show: false },
        },
        {
          label: msg('Found it useful'),
          scale: 'share',
          stroke: line,
          width: 2,
          dash: [8, 5],
          points: { show: true, size: 7, fill: line, stroke: line },
        },
      ],
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-trend-chart': ConsoleTrendChart;
  }
}
