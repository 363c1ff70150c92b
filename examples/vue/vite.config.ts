import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Vue's compiler must leave the ep-* tags to the browser instead of looking for Vue components.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ep-') } } })],
});
