/**
 * The index a running process serves, kept current: the store's newest version loaded whole into
 * memory, and the store asked every so often whether an ingest has published a newer one. A newer
 * version is loaded beside the old one and swapped in at once, so a request reads one version from start
 * to end and no process needs a restart; a version that fails to load leaves the loaded one serving.
 */
import type { IndexStore, IndexVersion, StoredIndex } from './index-store.js';

export interface LiveIndexOptions {
  /** How often to ask the store for a newer version (ms); 1000 by default, 0 never. */
  pollMs?: number;
  /** Hears why asking or loading failed; the loaded version keeps serving. Defaults to stderr. */
  onError?: (error: Error) => void;
  /** Hears each newer version once it serves. */
  onSwap?: (version: IndexVersion) => void;
}

export class LiveIndex<T> {
  private reloading: Promise<boolean> | undefined;
  private readonly timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly store: IndexStore,
    private readonly make: (index: StoredIndex) => T,
    private loaded: { value: T; version: IndexVersion },
    private readonly options: LiveIndexOptions,
  ) {
    const { pollMs = 1000, onError = (error) => process.stderr.write(`Loading a newer index failed: ${error.message}\n`) } = options;
    if (pollMs > 0) {
      this.timer = setInterval(() => this.refresh().catch(onError), pollMs);
      this.timer.unref();
    }
  }

  /** Load the store's newest version; `make` turns what the store holds into what is served. */
  static async open<T>(store: IndexStore, make: (index: StoredIndex) => T, options: LiveIndexOptions = {}): Promise<LiveIndex<T>> {
    const version = await store.head();
    if (!version) throw new Error(`${store.location} holds no index yet: run \`npm run ingest\` first`);
    return new LiveIndex(store, make, { value: make(await store.read(version)), version }, options);
  }

  /** What the newest loaded version serves; take it afresh for each request. */
  get current(): T {
    return this.loaded.value;
  }

  get version(): IndexVersion {
    return this.loaded.version;
  }

  /** Load the store's newest version when it is not the one loaded; true when it was swapped in. */
  refresh(): Promise<boolean> {
    this.reloading ??= this.reload().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /** Stop asking the store (the store itself stays open for its owner to close). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.reloading?.catch(() => {});
  }

  private async reload(): Promise<boolean> {
    const version = await this.store.head();
    if (!version || version.id === this.loaded.version.id) return false;
    this.loaded = { value: this.make(await this.store.read(version)), version };
    this.options.onSwap?.(version);
    return true;
  }
}
