// `npm start`: installs what is missing, then serves the demo page with its in-memory collector.
import { spawn } from 'node:child_process';
import { ensureModules } from './ensure.mjs';

ensureModules();
const port = process.env.PORT ?? '5173';
console.log('\nStarting the demo (Arabic; the page has an English switch). Open the Local URL Vite prints below.\n');
const server = spawn('node_modules/.bin/vite', ['--config', 'demo/vite.config.ts', '--port', port], { stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
