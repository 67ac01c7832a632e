// A link to a paragraph this page does not have would land at the top without a word; say so instead.
const notice = document.querySelector('[data-anchor-notice]');

function check() {
  if (!notice) return;
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    id = location.hash.slice(1);
  }
  notice.hidden = id === '' || document.getElementById(id) !== null;
}

check();
window.addEventListener('hashchange', check);
