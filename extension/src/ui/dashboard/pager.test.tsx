// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { translate, type MessageKey } from '../../lib/i18n';
import { reactRootPerTest } from '../testing/react-root';
import { Pager } from './pager';

const t = (key: MessageKey, ...subs: (string | number)[]) => translate('en', key, ...subs);
const dom = reactRootPerTest();

function render(offset: number, total: number, onOffset: (n: number) => void) {
  act(() => dom.root.render(<Pager t={t} offset={offset} pageSize={50} total={total} onOffset={onOffset} />));
  const [previous, next] = Array.from(dom.container.querySelectorAll('button'));
  return { text: dom.container.querySelector('span')!.textContent, previous: previous!, next: next! };
}

describe('Pager', () => {
  it('shows the rows on the page and moves a page at a time', () => {
    const onOffset = vi.fn();
    const first = render(0, 120, onOffset);
    expect(first.text).toBe('1–50 of 120');
    expect(first.previous.disabled).toBe(true);
    act(() => first.next.click());
    expect(onOffset).toHaveBeenLastCalledWith(50);

    const last = render(100, 120, onOffset);
    expect(last.text).toBe('101–120 of 120');
    expect(last.next.disabled).toBe(true);
    act(() => last.previous.click());
    expect(onOffset).toHaveBeenLastCalledWith(50);
  });

  it('says 0–0 of 0 on an empty list, with both buttons off', () => {
    const empty = render(0, 0, vi.fn());
    expect(empty.text).toBe('0–0 of 0');
    expect(empty.previous.disabled).toBe(true);
    expect(empty.next.disabled).toBe(true);
  });
});
