import { defineConfig } from 'astro/config';

// A static site: the defaults build it into dist/.
export default defineConfig({});
