// Progressive enhancement only: every page works without these scripts.
import './search-shortcut.js';
import './facets.js';
import './collapse-narrow.js';
import './copy-buttons.js';
import './anchor-notice.js';
