import type { StoredItems } from './store';

/**
 * Reads the precomputed list the background keeps in IndexedDB (`FollowupsDb.snapshot`) with the bare IndexedDB
 * API, so the popup does not load Dexie. Null when the background has not written one yet; never creates the
 * database (that is the background's, with its schema).
 */
export function readStoredItems(
  dbName = 'comms-log-followups',
  store = 'snapshot',
  key = 'own',
  idb: IDBFactory = indexedDB,
): Promise<StoredItems | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(dbName);
    } catch {
      return resolve(null);
    }
    // Only fires when the database does not exist: do not create it.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        return resolve(null);
      }
      const get = db.transaction(store, 'readonly').objectStore(store).get(key);
      get.onsuccess = () => {
        db.close();
        resolve((get.result as StoredItems | undefined) ?? null);
      };
      get.onerror = () => {
        db.close();
        resolve(null);
      };
    };
  });
}
