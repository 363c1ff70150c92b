// Types of demo-samples.mjs for the reference collector's seed (server/seed.ts): the card's own JSON type
// for consultations, and ideas as the dev collector keeps them (topic by code).
import type { ConsultationJson, ConsultationType } from '../src/consultation-card/model.js';
import type { Status as IdeaStatus } from '../src/idea-box/model.js';

/** Every sample names its type, as the reference collector needs to create a consultation. */
export type SampleConsultation = ConsultationJson & { id: string; type: ConsultationType };

export interface SampleIdea {
  id: string;
  title: string;
  description: string;
  topic: string;
  supports: number;
  status: IdeaStatus;
  publishedAt: string;
  answer?: { text: string; at: string; from: IdeaStatus; to: IdeaStatus };
}

export function sampleConsultations(now: number): SampleConsultation[];
export function sampleIdeas(): SampleIdea[];
