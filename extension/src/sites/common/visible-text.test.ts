// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clipText, collapseWhitespace, isRendered, snippet140, visibleText } from './visible-text';

function el(html: string): Element {
  document.head.innerHTML = '<style>.h5 { display: none } .hidden-list tr { display: none }</style>';
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

describe('visibleText', () => {
  it('turns blocks and <br> into breaks and keeps inline runs together', () => {
    expect(visibleText(el('<div>Hello <b>Mei</b>,</div><div>Thanks<br>Ana</div><p>x<span>y</span></p>'))).toBe(
      'Hello Mei, Thanks Ana xy',
    );
  });
  it('skips style, script, hidden and display:none (inline and page CSS)', () => {
    const root = el(
      '<style>.x{}</style><script>var a = 1;</script><p>kept</p><p hidden>gone1</p>' +
        '<div style="display:none">gone2</div><div class="h5">gone3</div><table class="hidden-list"><tr><td>gone4</td></tr></table>',
    );
    expect(visibleText(root)).toBe('kept');
  });
  it('collapses whitespace runs, no-break spaces included, and trims', () => {
    expect(visibleText(el('  <p>  a \n\t b&nbsp;&nbsp;c  </p>  '))).toBe('a b c');
    expect(collapseWhitespace(' \n x \u3000 y ')).toBe('x y');
  });
  it('is empty for a hidden element itself', () => {
    const root = el('<p class="h5">quote</p>');
    expect(visibleText(root.firstElementChild!)).toBe('');
  });
});

describe('snippet140', () => {
  it('counts code points, not UTF-16 units', () => {
    const emoji = '😀'.repeat(150);
    expect(Array.from(snippet140(emoji))).toHaveLength(140);
    expect(snippet140('短'.repeat(141))).toBe('短'.repeat(140));
  });
  it('trims whitespace left at the cut', () => {
    expect(snippet140(`${'a'.repeat(139)} b`)).toBe('a'.repeat(139));
    expect(snippet140('short ')).toBe('short');
  });
});

describe('isRendered', () => {
  it('is false when any ancestor is hidden or display:none', () => {
    const root = el('<div class="h5"><p id="a">x</p></div><div hidden><p id="b">y</p></div><div><p id="c">z</p></div>');
    const doc = root.ownerDocument;
    expect(isRendered(doc.getElementById('a')!)).toBe(false);
    expect(isRendered(doc.getElementById('b')!)).toBe(false);
    expect(isRendered(doc.getElementById('c')!)).toBe(true);
  });
});

describe('visibleText skip', () => {
  it('leaves out the given descendants', () => {
    const root = el(
      '<span class="who">Zhou Li</span><div class="snip">Hi Emma</div><div class="when">Mon 3/9/2026</div>',
    );
    const doc = root.ownerDocument;
    expect(visibleText(root, [doc.querySelector('.who')!, doc.querySelector('.when')!])).toBe('Hi Emma');
  });
});

describe('clipText', () => {
  it('cuts to the limit in UTF-16 units without splitting a surrogate pair', () => {
    expect(clipText('short', 300)).toBe('short');
    expect(clipText('x'.repeat(100 * 1024), 300)).toBe('x'.repeat(300));
    expect(clipText(`${'a'.repeat(299)}😀`, 300)).toBe('a'.repeat(299));
    expect(clipText(`${'a'.repeat(298)} b`, 299)).toBe('a'.repeat(298));
  });
});
