// Types of demo-samples.mjs for the reference collector's seed (server/seed.ts).
type LocalText = string | { ar?: string; en?: string };

export interface SampleConsultation {
  id: string;
  title: LocalText;
  summary?: LocalText;
  department?: LocalText;
  level?: 'awareness' | 'consultation' | 'inclusion' | 'collaboration' | 'empowerment';
  opensAt: string;
  closesAt: string;
  participants?: number;
  documents?: { title: LocalText; url: string }[];
  url?: string;
  platform?: LocalText;
  outcome?: { publishedAt: string; heard?: LocalText; decided?: LocalText; counts?: { support: number; neutral: number; oppose: number }; url?: string };
}

export type IdeaStatus = 'new' | 'under-review' | 'accepted' | 'in-progress' | 'implemented' | 'not-adopted';

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
