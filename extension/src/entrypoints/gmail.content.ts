import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapter } from '../sites/gmail/index';
import { mountLogThis } from '../ui/content/mount-log-this';
import '../ui/content/log-this.css';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => mountLogThis(ctx, adapter),
});
