// What every element shares in how it sits on a page: the space after it, the ring of a focus the element
// moved itself, and one look for a status (the idea box's like the consultation card's pill).
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/ep-page-poll.js';
import { TestEndpoint } from '../helpers/endpoint.js';
import { resetPage, setForcedColors } from '../helpers/page.js';
import { $, $$, focusedIn } from '../helpers/shadow.js';
import { ideaBox, listSettled, publish } from '../idea-box/helpers.js';
import { loadedCard } from '../consultation-card/helpers.js';
import { errorSummary, feedback, pressSend } from '../feedback/helpers.js';

/** WCAG's contrast ratio of two colours as getComputedStyle gives them (`rgb(…)`). */
function contrast(one: string, other: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((part) => {
        const c = Number(part) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Runs `check` under forced colours, with the page's own system colour as they paint it behind the element. */
async function underForcedColours(check: (canvas: string) => void): Promise<void> {
  const probe = document.createElement('div');
  probe.style.cssText = 'forced-color-adjust: none; color: Canvas';
  document.body.append(probe);
  await setForcedColors(true);
  try {
    check(getComputedStyle(probe).color);
  } finally {
    await setForcedColors(false);
    probe.remove();
  }
}

async function twoPolls(style = ''): Promise<HTMLElement[]> {
  const endpoint = new TestEndpoint();
  const host = await fixture<HTMLDivElement>(
    `<div style="${style}"><ep-page-poll endpoint="${endpoint.base}" no-remember></ep-page-poll><ep-page-poll endpoint="${endpoint.base}" no-remember page-url="https://example.gov.sa/other"></ep-page-poll></div>`,
  );
  const polls = [...host.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>('ep-page-poll')];
  await Promise.all(polls.map((poll) => poll.updateComplete));
  return polls;
}

const gapBetween = ([first, second]: HTMLElement[]): number =>
  second!.getBoundingClientRect().top - first!.getBoundingClientRect().bottom;

describe('the outer look every element shares', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('leaves 1.5rem after an element, so two in a row do not touch', async () => {
    expect(gapBetween(await twoPolls())).to.equal(24);
  });

  it('lets the page set that space with --ep-margin-block-end', async () => {
    expect(gapBetween(await twoPolls('--ep-margin-block-end: 0'))).to.equal(0);
    expect(gapBetween(await twoPolls('--ep-margin-block-end: 3rem'))).to.equal(48);
  });

  it('rings a focus the element moved itself (the reasons after a vote) with 2.4.13’s solid 2px at least', async () => {
    const [poll] = await twoPolls();
    // A real mouse press: after one, Chromium's :focus-visible leaves a scripted focus move unringed.
    const yes = $$<HTMLButtonElement>(poll!, 'button')
      .find((button) => button.textContent!.trim() === 'Yes')!
      .getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(yes.x + yes.width / 2), Math.round(yes.y + yes.height / 2)],
    });
    await waitUntil(() => focusedIn(poll!)?.localName === 'fieldset', 'focus did not move to the reasons');
    const ring = getComputedStyle(focusedIn(poll!)!);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    expect(ring.outlineColor).to.equal('rgb(29, 78, 216)');
  });

  it('sets the poll’s reasons apart from the comment: 2rem after the group, well over the space between two reasons', async () => {
    const [poll] = await twoPolls();
    $$<HTMLButtonElement>(poll!, 'button')
      .find((button) => button.textContent!.trim() === 'Yes')!
      .click();
    await waitUntil(() => poll!.shadowRoot!.querySelector('label[for="comment"]'), 'the reasons did not appear');
    const reasons = $$(poll!, '.choice').map((choice) => choice.getBoundingClientRect());
    const between = reasons[1]!.top - reasons[0]!.bottom;
    const after = $(poll!, 'label[for="comment"]').getBoundingClientRect().top - reasons.at(-1)!.bottom;
    expect(after).to.be.at.least(32);
    expect(after).to.be.at.least(between + 24);
  });

  it('draws a disclosure’s triangle, not a square, under forced colours (the card’s summary)', async () => {
    const { element: card } = await loadedCard();
    const triangle = () => getComputedStyle($(card, '[part="summary-button"]'), '::before');
    const borders = () => [triangle().borderTopColor, triangle().borderBottomColor];
    expect(borders(), 'with the page’s colours').to.deep.equal(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    await setForcedColors(true);
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      expect(borders(), 'under forced colours').to.deep.equal(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
      expect(triangle().borderInlineStartColor).not.to.equal('rgba(0, 0, 0, 0)');
    } finally {
      await setForcedColors(false);
    }
  });

  it('outlines fields in error, and the summary, in a colour that shows on the page under forced colours (1.4.11)', async () => {
    const element = await feedback(new TestEndpoint());
    pressSend(element);
    await errorSummary(element);
    await underForcedColours((canvas) => {
      const lines = {
        'the bar of a field in error': getComputedStyle($(element, '.field.invalid')).borderInlineStartColor,
        'the summary’s box': getComputedStyle($(element, '.error-summary')).borderTopColor,
        'the text area in error': getComputedStyle($(element, 'textarea[aria-invalid="true"]')).borderTopColor,
      };
      for (const [what, color] of Object.entries(lines))
        expect(contrast(color, canvas), `${what}: ${color} on ${canvas}`).to.be.at.least(3);
    });
  });

  it('draws check boxes and radios that stand out from the panel, ticked or not, and under forced colours (1.4.11)', async () => {
    const element = await feedback(new TestEndpoint(), 'contact="optional"');
    const box = $<HTMLInputElement>(element, 'input[type="checkbox"]');
    const radio = $<HTMLInputElement>(element, 'input[type="radio"]');
    /** The colour behind `node`: the nearest box that paints one. */
    const behind = (node: Element): string => {
      for (let at: Element | null = node; at; at = at.parentElement ?? (at.getRootNode() as ShadowRoot).host ?? null) {
        const color = getComputedStyle(at).backgroundColor;
        if (color !== 'rgba(0, 0, 0, 0)') return color;
      }
      return 'rgb(255, 255, 255)';
    };
    const panel = behind(box.parentElement!);
    for (const control of [box, radio]) {
      const edge = getComputedStyle(control).borderTopColor;
      expect(contrast(edge, panel), `${control.type}, unticked: ${edge} on ${panel}`).to.be.at.least(3);
      expect(getComputedStyle(control, '::before').visibility, 'no mark unticked').to.equal('hidden');
      control.click();
      await element.updateComplete;
      const mark = getComputedStyle(control, '::before').backgroundColor;
      expect(getComputedStyle(control, '::before').visibility, 'a mark ticked').to.equal('visible');
      expect(contrast(mark, behind(control)), `${control.type}, its mark: ${mark}`).to.be.at.least(3);
    }
    await underForcedColours((canvas) => {
      for (const control of [box, radio]) {
        const mark = getComputedStyle(control, '::before').backgroundColor;
        expect(contrast(mark, canvas), `${control.type}, its mark under forced colours: ${mark}`).to.be.at.least(3);
        const edge = getComputedStyle(control).borderTopColor;
        expect(contrast(edge, canvas), `${control.type}, its edge under forced colours: ${edge}`).to.be.at.least(3);
      }
    });
  });

  it('shows an idea’s status as the same pill as a consultation’s status', async () => {
    const endpoint = new TestEndpoint();
    await publish(endpoint, [{ id: 'a', title: 'Shade in parks', supports: 3, status: 'under-review' }]);
    const box = await ideaBox(endpoint, 'view="list"');
    await listSettled(box);
    await nextFrame();
    const { element: card } = await loadedCard();
    // In ems: the idea's meta line is set a little smaller than the card's status line.
    const em = (length: string, style: CSSStyleDeclaration) =>
      Math.round((parseFloat(length) / parseFloat(style.fontSize)) * 100) / 100;
    const pill = (style: CSSStyleDeclaration) => ({
      border: `${style.borderTopWidth} ${style.borderTopStyle}`,
      radius: em(style.borderTopLeftRadius, style),
      padding: em(style.paddingInlineStart, style),
      weight: style.fontWeight,
    });
    const ideaStatus = pill(getComputedStyle($(box, '[part~="status"]')));
    expect(ideaStatus).to.deep.equal(pill(getComputedStyle($(card, '[part="status"]'))));
    expect(ideaStatus.border).to.equal('1px solid');
  });
});
