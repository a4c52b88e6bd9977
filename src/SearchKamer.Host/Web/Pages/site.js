// SearchKamer's only script; every page works without it (CSP: script-src 'self', no inline script).
// Facet filters are links that act as checkboxes: Space toggles them as it would a checkbox, and after the
// page reloads, focus returns to the facet that was toggled (its id is the link's fragment), so a keyboard
// user does not start again from the top of the page. "Alle … tonen" returns to its facet's section the same way.
document.addEventListener('keydown', function (e) {
  var t = e.target;
  if ((e.key === ' ' || e.key === 'Spacebar') && t && t.tagName === 'A' && t.getAttribute('role') === 'checkbox') {
    e.preventDefault();
    t.click();
  }
});
document.addEventListener('DOMContentLoaded', function () {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id.indexOf('f-') === 0 ? document.getElementById(id) : null;
  if (el) {
    // A facet's section (from "Alle … tonen") opens its longer list too.
    var more = el.tagName === 'SECTION' ? el.querySelector('details') : null;
    if (more) {
      more.open = true;
    }
    el.focus();
  }
});
