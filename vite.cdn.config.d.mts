import type { InlineConfig } from 'vite';
export const cdnEntries: Record<string, string>;
export function cdnConfig(options?: { outDir?: string; write?: boolean }): InlineConfig;
