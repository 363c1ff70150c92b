// Types and editor data generated from the custom elements manifest (run by `npm run build`, after the
// declarations are emitted into dist/types):
//   dist/types/react-jsx.d.ts   React 19 JSX: every element's properties, attributes and `onep-*` events,
//                               typed with the library's event classes (`import type {} from 'ep-widgets/react-jsx'`)
//   dist/types/vue.d.ts         Vue's GlobalComponents, for vue-tsc and Volar (`import type {} from 'ep-widgets/vue'`)
//   dist/react-jsx.js, dist/vue.js   empty modules beside those two
//   dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json   VS Code custom data
//   dist/web-types.json         JetBrains web-types (package.json's `web-types` names it)
// Each generator is the well-kept one made for it; what is changed after them is said where it is done.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
// The base class is in the manifest (its members are inherited) but is no element of its own.
const exclude = ['EpElement'];

generateJsxTypes(manifest, {
  outdir: 'dist/types',
  fileName: 'react-jsx.d.ts',
  globalTypePath: './index.js',
  stronglyTypedEvents: true,
  exclude,
});
// Two corrections to the JSX generator's output. It augments the JSX of a dozen frameworks (Preact, Solid,
// Qwik...): augmenting a module that is not installed is an error for a project that checks library types,
// so only React's modules are kept. And it names the event classes without importing them.
const jsxFile = 'dist/types/react-jsx.d.ts';
let jsx = readFileSync(jsxFile, 'utf8').replace(
  /\ndeclare (module "[^"]+"|global) \{\n[\s\S]*?\n\}\n/g,
  (block, name) => (/^module "react(\/jsx-runtime|\/jsx-dev-runtime)?"$/.test(name) ? block : '\n'),
);
const eventClasses = [...new Set(jsx.match(/\bEp\w+Event\b(?!\w)/g) ?? [])].filter(
  (name) => !/ElementEvent$/.test(name),
);
jsx = jsx.replace(/import type \{([^}]*)\} from "\.\/index\.js";/, (_, names) => {
  const all = [
    ...new Set([
      ...names
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
      ...eventClasses,
    ]),
  ];
  return `import type {\n${all.map((name) => `  ${name},`).join('\n')}\n} from "./index.js";`;
});
if (!jsx.includes('declare module "react"'))
  throw new Error(`${jsxFile}: the generator's React augmentation was not found`);
writeFileSync(jsxFile, jsx);

// Vue's generator offers every field as a prop, the read-only ones too (getters such as the idea box's
// `limit`): they are left out of what it reads, as the JSX generator leaves them out itself.
const settable = structuredClone(manifest);
for (const declaration of settable.modules.flatMap((module) => module.declarations ?? []))
  declaration.members &&= declaration.members.filter((member) => !member.readonly);
generateVuejsTypes(settable, { outdir: 'dist/types', fileName: 'vue.d.ts', globalTypePath: './index.js', exclude });
// Four corrections to the Vue generator's output: it imports each event class once per element (a duplicate
// identifier); it types a handler's event as `CustomEvent<TheEventClass>` where the event is that class; it
// keys props by attribute name (`"show-tally"`, `"onep-success"`) where Vue's templates look props up
// camelized (`showTally`, and `onEpSuccess` for `@ep-success`), so vue-tsc's strictTemplates refuse every
// use; and it declares a global JSX namespace, which is React's or Vue's own business, not ours.
const camelize = (name) => name.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
const vueProp = (key) => (key.startsWith('onep-') ? `onEp${camelize(key.slice(4))}` : camelize(key));
const vueFile = 'dist/types/vue.d.ts';
const vue = readFileSync(vueFile, 'utf8')
  .replace(/import type \{([^}]*)\} from "\.\/index\.js";/, (_, names) => {
    const unique = [
      ...new Set(
        names
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    ];
    return `import type {\n${unique.map((name) => `  ${name},`).join('\n')}\n} from "./index.js";`;
  })
  .replace(/CustomEvent<(Ep\w+Event)>/g, '$1')
  .replace(/^(\s*)"([a-z][a-z0-9-]*)"\?:/gm, (_, indent, key) => `${indent}${vueProp(key)}?:`)
  .replace(/\ndeclare global \{\n[\s\S]*?\n\}\n/g, '\n');
if (!vue.includes('interface GlobalComponents'))
  throw new Error(`${vueFile}: the generator's GlobalComponents was not found`);
writeFileSync(vueFile, vue);

// ep-widgets/react-jsx and ep-widgets/vue carry types only; their modules are empty, so that every resolver
// (and a stray value import) finds a file.
for (const entry of ['react-jsx', 'vue'])
  writeFileSync(`dist/${entry}.js`, '// Types only: see types/' + entry + '.d.ts.\nexport {};\n');

generateVsCodeCustomElementData(manifest, {
  outdir: 'dist',
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
  exclude,
});

generateJetBrainsWebTypes(manifest, {
  outdir: 'dist',
  webTypesFileName: 'web-types.json',
  packageJson: false,
  exclude,
});
