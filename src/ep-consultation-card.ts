/** Registers `<ep-consultation-card>`. Import this file (or `all.js`) once; a second load is harmless. */
import { defineElement } from './core/element/define.js';
import { EpConsultationCard } from './consultation-card/ep-consultation-card.js';

defineElement('ep-consultation-card', EpConsultationCard);

export { EpConsultationCard };

declare global {
  interface HTMLElementTagNameMap {
    'ep-consultation-card': EpConsultationCard;
  }
}
