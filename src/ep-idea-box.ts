/** Registers `<ep-idea-box>`. Import this file (or `all.js`) once; a second load is harmless. */
import { defineElement } from './core/element/define.js';
import { EpIdeaBox } from './idea-box/ep-idea-box.js';

defineElement('ep-idea-box', EpIdeaBox);

export { EpIdeaBox };

declare global {
  interface HTMLElementTagNameMap {
    'ep-idea-box': EpIdeaBox;
  }
}
