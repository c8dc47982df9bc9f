/**
 * Public webmail domains: an address there says nothing about the sender's organisation, so these never match a
 * `domain` identity (docs/architecture.md "Data model") and cannot be registered as one.
 */
const FREE_MAIL_DOMAINS = new Set([
  // China
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', 'vip.163.com', '126.com', 'vip.126.com', 'yeah.net', '188.com',
  'sina.com', 'sina.cn', 'vip.sina.com', 'sohu.com', 'aliyun.com', '139.com', '189.cn', 'wo.cn', 'tom.com', '21cn.com',
  // International
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.cn', 'msn.com',
  'yahoo.com', 'yahoo.co.jp', 'yahoo.com.hk', 'yahoo.com.tw', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
  'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'yandex.com', 'yandex.ru',
  'mail.ru', 'zoho.com', 'tutanota.com', 'fastmail.com', 'hey.com', 'naver.com', 'daum.net', 'hanmail.net',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase());
}
