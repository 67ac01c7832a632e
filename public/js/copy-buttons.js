// "Kopier lenke" and "Kopier sitat" on the document page. The link is the page's own address (without
// a search's ?q=) and the paragraph's anchor; a citation is the text and its place, then that link.
// The buttons are Aksel's CopyButton: while data-active is "true" it shows a checkmark and what was copied.
const status = document.getElementById('live-status');
const ACTIVE_MS = 2500;

// The copy buttons replace the plain link that serves pages without scripts.
for (const link of document.querySelectorAll('.paragraph__permalink')) link.hidden = true;

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const link = new URL(location.href);
    link.search = '';
    link.hash = button.dataset.anchor ?? '';
    const text = button.dataset.copy === 'citation' ? `${button.dataset.citation} ${link.href}` : link.href;
    const copied = await copy(text);
    acknowledge(button, copied, copied ? (button.dataset.copy === 'citation' ? 'Sitatet er kopiert' : 'Lenken er kopiert') : 'Kunne ikke kopiere');
  });
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the Clipboard API (plain http on another host than localhost) the old way still works.
    const buffer = document.createElement('textarea');
    buffer.value = text;
    buffer.className = 'copy-buffer';
    buffer.setAttribute('readonly', '');
    document.body.append(buffer);
    buffer.select();
    const ok = document.execCommand('copy');
    buffer.remove();
    return ok;
  }
}

const timers = new WeakMap();

function acknowledge(button, copied, message) {
  const label = button.querySelector('[data-copy-label]') ?? button;
  const icon = button.querySelector('use');
  const idle = button.dataset.label ?? label.textContent;
  button.dataset.label = idle;
  label.textContent = message;
  button.dataset.active = String(copied);
  icon?.setAttribute('href', copied ? '#ikon-kopiert' : '#ikon-kopier');
  if (status) status.textContent = message;
  clearTimeout(timers.get(button));
  timers.set(button, setTimeout(() => {
    label.textContent = idle;
    button.dataset.active = 'false';
    icon?.setAttribute('href', '#ikon-kopier');
  }, ACTIVE_MS));
}
