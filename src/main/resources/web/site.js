// Paperboy's only script of its own. Everything it does is a shortcut: every page works without it.
// Keys (ignored while typing in a field or with Ctrl/Alt/Meta held):
//   j / k  focus the next / previous card and mark it     o  open the focused card's paper
//   /      focus the search box
// Cards are the elements with class "card" or, on a page without any, the items of lists of papers (ol.papers > li);
// "o" follows the card's a.title (else its first link).
(function () {
  'use strict';


  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  function cards() {
    var found = document.querySelectorAll('.card');
    if (found.length === 0) found = document.querySelectorAll('ol.papers > li');
    return Array.prototype.slice.call(found);
  }

  function current(list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].classList.contains('is-current')) return i;
    }
    // A card that holds the focus (a link inside it, say) counts as current.
    for (var j = 0; j < list.length; j++) {
      if (list[j].contains(document.activeElement)) return j;
    }
    return -1;
  }

  function select(list, index) {
    list.forEach(function (c) { c.classList.remove('is-current'); });
    var card = list[index];
    card.classList.add('is-current');
    if (!card.hasAttribute('tabindex')) card.setAttribute('tabindex', '-1');
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    var list = cards();
    if (list.length === 0) return false;
    var at = current(list);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    select(list, next);
    return true;
  }

  function open() {
    var list = cards();
    var at = current(list);
    if (at < 0) return false;
    var link = list[at].querySelector('a.title') || list[at].querySelector('a[href]');
    if (!link) return false;
    window.location.assign(link.href);
    return true;
  }

  function focusSearch() {
    // The page's own search form first (the search page), then the one in the header.
    var box = document.querySelector('main input[name="q"]') || document.querySelector('input[name="q"]');
    if (!box) return false;
    box.focus();
    if (typeof box.select === 'function') box.select();
    return true;
  }

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || typing(e.target)) return;
    var done = false;
    switch (e.key) {
      case 'j': done = move(1); break;
      case 'k': done = move(-1); break;
      case 'o': done = open(); break;
      case '/': done = focusSearch(); break;
    }
    if (done) e.preventDefault();
  });

  // A click or Tab into a card makes it the current one, so j/k continue from where the reader is.
  document.addEventListener('focusin', function (e) {
    var list = cards();
    var card = null;
    for (var i = 0; i < list.length; i++) {
      if (list[i].contains(e.target)) card = list[i];
    }
    if (!card) return;
    list.forEach(function (c) { if (c !== card) c.classList.remove('is-current'); });
    card.classList.add('is-current');
  });
})();
