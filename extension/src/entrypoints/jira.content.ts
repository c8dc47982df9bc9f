import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterForPage } from '../sites/jira/index';
import { mountLogThis } from '../ui/content/mount-log-this';

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  // The button's styles are inlined (ui/content/log-this.css): no stylesheet to fetch before it shows.
  cssInjectionMode: 'manual',
  // Also registered at run time on own hosts added in Options (lib/own-domains), where Data Center is read.
  main: (ctx) => mountLogThis(ctx, adapterForPage(location.href)),
});
