/**
 * The index a running process serves, kept current: the store's newest version loaded whole into
 * memory, and the store asked every so often whether an ingest has published a newer one. A newer
 * version is loaded beside the old one and swapped in at once, so a request reads one version from start
 * to end and no process needs a restart. When the store cannot be reached or a version fails to load,
 * the loaded version keeps serving, the state says why, and the next round tries again — a process
 * started while its database is down begins serving when the database is back.
 */
import type { IndexStore, IndexVersion, StoredIndex } from './index-store.js';

export interface LiveIndexOptions {
  /** How often to ask the store for a newer version (ms) once watching; 1000 by default, 0 for never. */
  pollMs?: number;
  /** Hears why asking or loading failed. Defaults to stderr. */
  onError?: (error: Error) => void;
  /** Hears each version once it serves. */
  onSwap?: (version: IndexVersion) => void;
}

/** What a process serves, for health checks and readiness probes. */
export interface IndexState {
  /** The version served; null until one has loaded. */
  version: IndexVersion | null;
  /** Whether the store answered when last asked, since when that holds, and why not. */
  store: { ok: boolean; since: string; error?: string };
}

/** A live index that has loaded a version: it always serves one. */
export type LoadedIndex<T> = LiveIndex<T> & { readonly current: T; readonly version: IndexVersion };

export class LiveIndex<T> {
  private loaded: { value: T; version: IndexVersion } | undefined;
  private reloading: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private answered: IndexState['store'] = { ok: true, since: new Date().toISOString() };

  constructor(
    readonly store: IndexStore,
    private readonly make: (index: StoredIndex) => T,
    private readonly options: LiveIndexOptions = {},
  ) {}

  /** What the loaded version serves (take it afresh for each request); null before one has loaded. */
  get current(): T | null {
    return this.loaded?.value ?? null;
  }

  get version(): IndexVersion | null {
    return this.loaded?.version ?? null;
  }

  get state(): IndexState {
    return { version: this.version, store: this.answered };
  }

  /** Ask the store every `pollMs` from now on, loading what it has newly published. */
  watch(): void {
    if (this.timer) return;
    const { pollMs = 1000, onError = (error) => process.stderr.write(`Loading the index failed: ${error.message}\n`) } = this.options;
    this.timer = setInterval(() => this.refresh().catch(onError), pollMs);
    this.timer.unref();
  }

  /** Load the store's newest version when it is not the one loaded; true when one is loaded afterwards. */
  refresh(): Promise<boolean> {
    this.reloading ??= this.reload().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /** Stop asking the store (the store itself stays open for its owner to close). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.reloading?.catch(() => {});
  }

  private async reload(): Promise<boolean> {
    const version = await this.asking(() => this.store.head());
    if (!version) return this.loaded !== undefined;
    if (version.id === this.loaded?.version.id) return true;
    this.loaded = { value: this.make(await this.asking(() => this.store.read(version))), version };
    this.options.onSwap?.(version);
    return true;
  }

  /** A question to the store, noting whether it could be reached. */
  private async asking<R>(question: () => Promise<R>): Promise<R> {
    try {
      const answer = await question();
      if (!this.answered.ok) this.answered = { ok: true, since: new Date().toISOString() };
      return answer;
    } catch (error) {
      const message = (error as Error).message;
      if (this.answered.ok || this.answered.error !== message) this.answered = { ok: false, since: this.answered.ok ? new Date().toISOString() : this.answered.since, error: message };
      throw error;
    }
  }
}
