import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapter } from '../sites/outlook/index';
import { mountLogThis } from '../ui/content/mount-log-this';
import '../ui/content/log-this.css';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => mountLogThis(ctx, adapter),
});
