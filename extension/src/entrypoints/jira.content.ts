import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapter } from '../sites/jira/index';
import { mountLogThis } from '../ui/content/mount-log-this';
import '../ui/content/log-this.css';

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => mountLogThis(ctx, adapter),
});
