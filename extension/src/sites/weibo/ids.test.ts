import { describe, expect, it } from 'vitest';
import { midToMblogid, postIdToMblogid, uidFromAvatarUrl } from './ids';

describe('weibo ids', () => {
  it('turns a numeric mid into the mblogid weibo.com uses', () => {
    expect(midToMblogid('4387933362623405')).toBe('HATy0b0sZ');
    expect(midToMblogid('4607741009594608')).toBe('K3fnuEfZK');
    expect(postIdToMblogid('K3fnuEfZK')).toBe('K3fnuEfZK');
    expect(postIdToMblogid('123')).toBeNull();
  });

  it('reads the uid from an avatar file name, hex or base62', () => {
    expect(
      uidFromAvatarUrl('https://tvax3.sinaimg.cn/crop.0.0.180.180.50/621263b4ly8gbulhq834gj2050050glm.jpg?KID=imgbed'),
    ).toBe('1645372340');
    expect(uidFromAvatarUrl('https://tvax3.sinaimg.cn/crop.0.0.392.392.180/0062f5uBly8fytxjeob6kj30aw0awjsf.jpg')).toBe(
      '5529945701',
    );
    expect(uidFromAvatarUrl('https://h5.sinaimg.cn/upload/2016/default_avatar.png')).toBeNull();
    expect(uidFromAvatarUrl('https://example.com/621263b4ly8g.jpg')).toBeNull();
  });
});
