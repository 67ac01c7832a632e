// A ticked facet applies at once, so the form's submit button is not needed. The page reloads, so the
// checkbox that was used gets the focus back, and keyboard users keep their place.
const FOCUS_KEY = 'styringssok:facet-focus';
const form = document.getElementById('sok');

if (form instanceof HTMLFormElement) {
  for (const box of document.querySelectorAll('input[type="checkbox"][form="sok"]')) {
    box.addEventListener('change', () => {
      sessionStorage.setItem(FOCUS_KEY, box.id);
      form.requestSubmit();
    });
  }
  document.querySelector('[data-facets-submit]')?.setAttribute('hidden', '');

  const focused = sessionStorage.getItem(FOCUS_KEY);
  sessionStorage.removeItem(FOCUS_KEY);
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
}
