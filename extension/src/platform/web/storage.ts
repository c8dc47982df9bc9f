/*
 * The web view's stand-in for `wxt/utils/storage`: the dashboard reads only the language choice, which the web view
 * does not offer (it follows the browser). Items keep their fallback for the page's lifetime.
 */

interface WebStorageItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (value: T) => void): () => void;
}

function defineItem<T>(_key: string, opts: { fallback: T }): WebStorageItem<T> {
  let value = opts.fallback;
  const watchers = new Set<(value: T) => void>();
  return {
    getValue: async () => value,
    setValue: async (next) => {
      value = next;
      for (const cb of watchers) cb(next);
    },
    watch: (cb) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
}

export const storage = { defineItem };
