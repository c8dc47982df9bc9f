import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Public half of an RSA key generated once for this project: Chrome derives the extension id from it, so an
 * unpacked build loads as `nfdjiiimkekllmfcemckigcpadlooekc` wherever its folder is (tests and server CORS
 * can rely on it). The private half was never kept: store builds are signed by the store.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvD9eoRAQg9Z1tfIH+HhhiyZzmWJ10WPQ2+pL9s1eN7Wsx4GUI6/PSV/WbXFaHBddK3qOTQl6caSce/B9fSDwUi7eE/v3//qAvTzzscAjm+Cxyz+ZwFEPVHH/R/YOCwfq8bui6mN4PD7GfeZqhsKy0BNC44aVsjVCn9SRxezFqhxYgiZZwYfwqhpytePTsPA9nGeg/ir24K1T7X3eJ/04d73YEGt+uqKQhg9JRlGWWoPjdR3AOGLwvCmpXSTpyUYjY8vXhUbHWXY01/feHD3R76H750civolu/QGy3NB8lom+eaZ0TR46hUjzdMfM2Urz3ZDHBqiZTb2+U9gwYn3LZwIDAQAB';

/** The five sites: the only pages the extension may read (docs/architecture.md "Security"). */
const SITE_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://weibo.com/*',
  'https://www.weibo.com/*',
  'https://api.weibo.com/*',
  'https://m.weibo.cn/*',
  'https://*.atlassian.net/*',
  'https://trello.com/*',
];

/**
 * A server on this machine is reachable without a prompt (development, tests); any other server origin is
 * requested at run time by the options page when its URL is saved.
 */
const LOCAL_SERVER_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Where the configured server may be: granted one origin at a time by the options page. */
const SERVER_ORIGINS = ['https://*/*', 'http://*/*'];

/**
 * The extension pages' CSP (popup, options, dashboard, panel, coverage): scripts from the package only (no inline
 * script, no eval: the build emits none, and recharts needs none), no plugins, no <base>, no form posts; images
 * from the package and data:/blob: URLs (report charts); style attributes allowed (React and recharts set them); the
 * network is the configured server, any origin as it is chosen at run time (README "Reliability and security").
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' https: http:",
  "frame-src 'self'",
].join('; ');

export default defineConfig({
  srcDir: 'src',
  // Several builds side by side (parallel e2e runs on one machine) each set their own folder; default `.output`.
  outDir: process.env.COMMS_LOG_EXT_OUT ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus, activeTab and scripting: "Log this page as coverage" reads the page the user clicked on, that
    // page only and only then, without a host permission for every news site.
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: [...SITE_HOSTS, ...LOCAL_SERVER_HOSTS],
    optional_host_permissions: SERVER_ORIGINS,
    // MV2 (Firefox) has no optional_host_permissions and WXT drops it there: the same origins go here.
    ...(manifestVersion === 2 ? { optional_permissions: SERVER_ORIGINS } : {}),
    action: { default_title: '__MSG_extName__' },
    content_security_policy: manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    // The Log-this panel page, framed by the content scripts on the five sites (docs/architecture.md "Content scripts").
    // Own hosts added in Options (lib/own-domains) are not known at build time: there the panel is framed too, so
    // it is reachable from any https/http page (a page, not a permission: it reads nothing without the content script).
    web_accessible_resources:
      manifestVersion === 2
        ? ['panel.html']
        : [{ resources: ['panel.html'], matches: [...SITE_HOSTS, ...SERVER_ORIGINS] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'comms-log@comms-log.dev',
              strict_min_version: '115.0',
              // What is logged (who wrote when, subjects and snippets per the org's level) goes to the org's server.
              data_collection_permissions: { required: ['personalCommunications'] },
            },
          },
        }
      : { key: CHROME_PUBLIC_KEY }),
  }),
  zip: {
    // Firefox review rebuilds from source: the extension needs shared/ and the server's router types.
    name: 'comms-log',
    sourcesRoot: workspaceRoot,
    excludeSources: ['test/**', '**/*.db', '**/*.db-*', 'server/data/**'],
  },
});
