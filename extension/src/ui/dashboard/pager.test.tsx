// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate, type MessageKey } from '../../lib/i18n';
import { Pager } from './pager';

const t = (key: MessageKey, ...subs: (string | number)[]) => translate('en', key, ...subs);
afterEach(cleanup);

function renderPager(offset: number, total: number, onOffset: (n: number) => void) {
  cleanup();
  render(<Pager t={t} offset={offset} pageSize={50} total={total} onOffset={onOffset} />);
  return {
    text: screen.getByText(/ of /).textContent,
    previous: screen.getByRole<HTMLButtonElement>('button', { name: 'Previous' }),
    next: screen.getByRole<HTMLButtonElement>('button', { name: 'Next' }),
  };
}

describe('Pager', () => {
  it('shows the rows on the page and moves a page at a time', () => {
    const onOffset = vi.fn();
    const first = renderPager(0, 120, onOffset);
    expect(first.text).toBe('1–50 of 120');
    expect(first.previous.disabled).toBe(true);
    fireEvent.click(first.next);
    expect(onOffset).toHaveBeenLastCalledWith(50);

    const last = renderPager(100, 120, onOffset);
    expect(last.text).toBe('101–120 of 120');
    expect(last.next.disabled).toBe(true);
    fireEvent.click(last.previous);
    expect(onOffset).toHaveBeenLastCalledWith(50);
  });

  it('says 0–0 of 0 on an empty list, with both buttons off', () => {
    const empty = renderPager(0, 0, vi.fn());
    expect(empty.text).toBe('0–0 of 0');
    expect(empty.previous.disabled).toBe(true);
    expect(empty.next.disabled).toBe(true);
  });
});
