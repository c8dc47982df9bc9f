/** The in-page button and the line beside it, in plain DOM: nothing page-supplied is ever set as HTML. */
export type LogThisButton = {
  setLabel(text: string): void;
  /** "Logged N messages, <when>", why nothing could be read, or nothing. */
  setNote(note: { text: string; tone: 'logged' | 'problem' } | null): void;
};

export function buildLogThisButton(container: HTMLElement, onClick: () => void): LogThisButton {
  const wrap = document.createElement('span');
  wrap.className = 'cl-inline';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cl-log-button';
  button.addEventListener('click', onClick);
  const note = document.createElement('span');
  note.id = `cl-note-${crypto.randomUUID()}`;
  wrap.append(button, note);
  container.append(wrap);
  return {
    setLabel(text) {
      button.textContent = text;
    },
    setNote(next) {
      note.textContent = next?.text ?? '';
      note.className = next?.tone === 'problem' ? 'cl-problem' : 'cl-logged';
      // A problem is announced at once; the logged line is read with the button.
      note.setAttribute('role', next?.tone === 'problem' ? 'alert' : 'status');
      if (next) button.setAttribute('aria-describedby', note.id);
      else button.removeAttribute('aria-describedby');
    },
  };
}
