/** An element's heading level as the author gave it (1 to 6), or 2, its place under a page's title, when it is not one. */
export const headingLevel = (level: number): number => ([1, 2, 3, 4, 5, 6].includes(level) ? level : 2);
