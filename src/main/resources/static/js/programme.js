// SPC charts: each point is a button named by its week; choosing it (click, Enter or Space) reads its details into
// the chart's live region below the drawing. Loaded as a module by the programme pages (no inline script).
function show(button) {
  const figure = button.closest('figure');
  const details = figure ? figure.querySelector('.programme-chart__details') : null;
  if (!details) {
    return;
  }
  figure.querySelectorAll('.programme-chart__point-button[aria-pressed="true"]')
    .forEach((other) => other.setAttribute('aria-pressed', 'false'));
  button.setAttribute('aria-pressed', 'true');
  details.textContent = button.getAttribute('aria-label');
}

document.querySelectorAll('.programme-chart__point-button').forEach((button) => {
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => show(button));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      show(button);
    }
  });
});

// "Print this board pack" buttons
document.querySelectorAll('[data-print]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});
