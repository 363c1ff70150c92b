import type { InlineConfig, Plugin } from 'vite';
export const cdnEntries: Record<string, string>;
export function cdnConfig(options?: { outDir?: string; write?: boolean }): InlineConfig;
export function namedIdsOnly(): Plugin;
export function terserAfterMinify(): Plugin;
