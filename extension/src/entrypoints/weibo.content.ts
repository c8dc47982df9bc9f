import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapter } from '../sites/weibo/index';
import { mountLogThis } from '../ui/content/mount-log-this';

export default defineContentScript({
  matches: ['https://weibo.com/*', 'https://www.weibo.com/*', 'https://api.weibo.com/*', 'https://m.weibo.cn/*'],
  // The button's styles are inlined (ui/content/log-this.css): no stylesheet to fetch before it shows.
  cssInjectionMode: 'manual',
  main: (ctx) => mountLogThis(ctx, adapter),
});
