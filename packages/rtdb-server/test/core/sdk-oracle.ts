// The official SDK as an oracle: its local (offline) tree computes the hash a client sends with
// listens and transactions, which is what ours must equal bit for bit.
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  getDatabase,
  goOffline,
  onValue,
  query,
  ref,
  set,
  type Database,
  type QueryConstraint,
} from 'firebase/database';

/** An offline SDK database whose snapshots expose the SDK's own node hash. */
export class SdkOracle {
  private readonly app: FirebaseApp;
  private readonly db: Database;
  private counter = 0;

  constructor() {
    this.app = initializeApp(
      { databaseURL: 'http://127.0.0.1:9?ns=oracle', projectId: 'demo-oracle' },
      `oracle-${Math.random()}`,
    );
    this.db = getDatabase(this.app);
    goOffline(this.db);
  }

  /** Writes `value` locally and returns the SDK's hash and `val()`/`exportVal()` of it. */
  async evaluate(value: unknown): Promise<{ hash: string; val: unknown; exportVal: unknown }> {
    const location = ref(this.db, `t${(this.counter += 1)}`);
    void set(location, value).catch(() => undefined);
    return new Promise((resolve) => {
      onValue(
        location,
        (snapshot) => {
          const node = (snapshot as unknown as { _node: { hash(): string } })._node;
          resolve({ hash: node.hash(), val: snapshot.val(), exportVal: snapshot.exportVal() });
        },
        { onlyOnce: true },
      );
    });
  }

  /** Writes `value` locally, runs the query on it, and returns the keys in the SDK's order. */
  async queryKeys(value: unknown, ...constraints: QueryConstraint[]): Promise<string[]> {
    const location = ref(this.db, `q${(this.counter += 1)}`);
    void set(location, value).catch(() => undefined);
    return new Promise((resolve) => {
      onValue(
        query(location, ...constraints),
        (snapshot) => {
          const keys: string[] = [];
          snapshot.forEach((child) => {
            keys.push(child.key!);
          });
          resolve(keys);
        },
        { onlyOnce: true },
      );
    });
  }

  async close(): Promise<void> {
    await deleteApp(this.app);
  }
}
