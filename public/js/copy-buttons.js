// "Kopier lenke" and "Kopier sitat" on the document page. The link is the page's own address (without
// a search's ?q=) and the paragraph's anchor; a citation is the text and its place, then that link.
const status = document.getElementById('live-status');

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
    acknowledge(button, copied ? (button.dataset.copy === 'citation' ? 'Sitatet er kopiert' : 'Lenken er kopiert') : 'Kunne ikke kopiere');
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

function acknowledge(button, message) {
  const label = button.dataset.label ?? button.textContent;
  button.dataset.label = label;
  button.textContent = message;
  button.dataset.copied = '';
  if (status) status.textContent = message;
  setTimeout(() => {
    button.textContent = label;
    delete button.dataset.copied;
  }, 2500);
}
