// Progressive enhancement for NHS.UK components. Loaded as a module from the layout: the Content-Security-Policy
// allows no inline script, so this file is the only place scripts start.
import { initAll } from '../nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
