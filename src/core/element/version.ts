/**
 * This library's version, as in package.json (a test holds them equal). Each element class carries it, so
 * that a page that loads two different versions is told which one it got (see define.ts).
 */
export const VERSION = '1.0.0-rc.1';
