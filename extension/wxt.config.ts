import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: 'src',
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'comms-log',
    description: 'Log external communications in context and follow up on time.',
    permissions: ['storage', 'alarms'],
  },
});
