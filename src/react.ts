/**
 * React components for every element, made with @lit/react, for React 18 and older (React 19 renders custom
 * elements itself: use the elements directly, typed by `ep-widgets/react-jsx`). Each registers its element.
 * Events are props named after them: `onEpSubmit`, `onEpSuccess`, `onEpError`, `onEpQueued`, `onEpOutboxDrop`.
 * `react` and `@lit/react` are optional peer dependencies: install them to use this entry.
 */
import './core/element/dom-stand-in.js'; // first: Lit's browser build needs a DOM as it loads (see that file)
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { EpPagePoll } from './ep-page-poll.js';
import { EpFeedback } from './ep-feedback.js';
import { EpIdeaBox } from './ep-idea-box.js';
import { EpConsultationCard } from './ep-consultation-card.js';
import { EpLabInvite } from './ep-lab-invite.js';
import './core/element/dom-stand-in-end.js';
import type {
  EpErrorEvent,
  EpOutboxDropEvent,
  EpQueuedEvent,
  EpSubmitEvent,
  EpSuccessEvent,
} from './core/element/events.js';

const events = {
  onEpSubmit: 'ep-submit' as EventName<EpSubmitEvent>,
  onEpSuccess: 'ep-success' as EventName<EpSuccessEvent>,
  onEpError: 'ep-error' as EventName<EpErrorEvent>,
  onEpQueued: 'ep-queued' as EventName<EpQueuedEvent>,
  onEpOutboxDrop: 'ep-outbox-drop' as EventName<EpOutboxDropEvent>,
};

export const PagePoll = createComponent({ react: React, tagName: 'ep-page-poll', elementClass: EpPagePoll, events });
export const Feedback = createComponent({ react: React, tagName: 'ep-feedback', elementClass: EpFeedback, events });
export const IdeaBox = createComponent({ react: React, tagName: 'ep-idea-box', elementClass: EpIdeaBox, events });
export const ConsultationCard = createComponent({
  react: React,
  tagName: 'ep-consultation-card',
  elementClass: EpConsultationCard,
  events,
});
export const LabInvite = createComponent({ react: React, tagName: 'ep-lab-invite', elementClass: EpLabInvite, events });
