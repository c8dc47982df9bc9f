import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapter } from '../sites/weibo/index';
import { mountLogThis } from '../ui/content/mount-log-this';
import '../ui/content/log-this.css';

export default defineContentScript({
  matches: ['https://weibo.com/*', 'https://www.weibo.com/*', 'https://api.weibo.com/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => mountLogThis(ctx, adapter),
});
