// Progressive enhancement for NHS.UK components. Loaded as a module from the layout: the Content-Security-Policy
// allows no inline script, so this file is the only place scripts start.
import { initAll } from '../nhsuk/nhsuk-frontend.min.js';

// Bean Validation reports a form's errors in no fixed order; the NHS.UK error summary lists them in the order the
// fields appear on the page. Errors without a field (href "#maincontent") stay first.
function orderErrorSummary() {
  const list = document.querySelector('.nhsuk-error-summary__list');
  if (!list) {
    return;
  }
  const target = (item) => {
    const link = item.querySelector('a[href^="#"]');
    const id = link ? decodeURIComponent(link.getAttribute('href').slice(1)) : '';
    return id && id !== 'maincontent' ? document.getElementById(id) : null;
  };
  const items = Array.from(list.children);
  items.sort((a, b) => {
    const ta = target(a);
    const tb = target(b);
    if (!ta || !tb) {
      return (ta ? 1 : 0) - (tb ? 1 : 0);
    }
    return ta.compareDocumentPosition(tb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  items.forEach((item) => list.appendChild(item));
}

// NHS.UK components initialise only where the body says the frontend is supported
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
orderErrorSummary();
initAll();
// Marks the page as fully enhanced (browser tests wait for it before reading the page)
document.body.dataset.appReady = 'true';
