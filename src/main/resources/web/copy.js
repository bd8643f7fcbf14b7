// Copy buttons: <button data-copy-target="ID" hidden> copies the text of the element with that id.
// The button stays hidden without JavaScript, where the text itself is on the page to select and copy.
(function () {
  'use strict';
  function selectText(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  function fallbackCopy(el) {
    selectText(el);
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }
  document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) return;
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    function report(ok) {
      if (status) status.textContent = ok ? 'Copied.' : 'Selected: press Ctrl+C (⌘C) to copy.';
      if (!ok) selectText(target);
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = target.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { report(true); },
            function () { report(fallbackCopy(target)); });
      } else {
        report(fallbackCopy(target));
      }
    });
  });
})();
