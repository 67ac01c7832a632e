// Panels beside the content (filters, table of contents) come before it on a phone; fold them there
// so the results and the text are on the first screen. Without scripts they simply stay open.
if (window.matchMedia('(max-width: 48rem)').matches) {
  for (const panel of document.querySelectorAll('details[data-collapse-narrow]')) panel.open = false;
}
