import type { Plugin } from 'vite';
export function shortIdsOf(xliff: string): Map<string, string>;
export function shortMessageIds(options?: { xliff?: string }): Plugin;
