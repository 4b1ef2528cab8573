// Applies the remembered theme before the first paint: a classic script in <head> runs before the
// body renders, while the app's module runs after. The same rules as src/features/theme/theme.ts
// (theme.test.ts runs this file against them). External, because the CSP forbids inline scripts.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('convoscope.theme');
  } catch (e) {
    // Storage unavailable: follow the system.
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
