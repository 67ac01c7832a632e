/**
 * What the web app serves from: the engine over the newest loaded index, replaced when a newer one is
 * loaded. A request takes it once and works with that engine from start to end.
 */
import type { SearchEngine } from '../search/engine.js';

export interface ServedIndex {
  readonly current: SearchEngine;
}
