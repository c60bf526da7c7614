/* policyqa chat page helpers, run once by Gradio's `js` hook (see app/web/server.py).
 *
 * 1. Citation buttons: each [n] in an answer (button.pq-ref, written by
 *    app/web/render.py) opens a popover with that source's title, issuer and
 *    date, the quoted passage and a 「查看原文」 link. Hover opens it on a desktop,
 *    a tap or Enter opens it anywhere; Escape, a click elsewhere or scrolling
 *    closes it. The popover copies nodes of the sources list of the same answer,
 *    which Gradio has already sanitised; no text is parsed as HTML here.
 * 2. Plain Chinese labels for Gradio parts whose aria-label is raw message HTML
 *    or English ("bot's message: <details …", "chatbot conversation"), and
 *    <html lang="zh-CN"> whatever the browser's locale.
 */
(function () {
  "use strict";
  if (window.__policyqaChat) { return; }
  window.__policyqaChat = true;

  var HOVER = window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches;
  var pop = null;
  var owner = null;
  var pinned = false;  // opened by a click or tap (stays until closed), not by hovering
  var timer = null;

  function later(fn, ms) { clearTimeout(timer); timer = setTimeout(fn, ms); }

  function numberOf(button) {
    var m = /\[(\d+)\]/.exec(button.textContent || "");
    return m ? m[1] : null;
  }

  function sourceFor(button) {
    var n = numberOf(button);
    var message = button.closest(".message-content") || button.closest(".message");
    if (!n || !message) { return null; }
    var items = message.querySelectorAll(".pq-sources li.pq-src");
    for (var i = 0; i < items.length; i++) {
      var label = items[i].querySelector(".pq-n");
      if (label && label.textContent.trim() === "[" + n + "]") { return { n: n, item: items[i] }; }
    }
    return null;
  }

  function part(cls, from, tag) {
    var node = document.createElement(tag || "div");
    node.className = cls;
    if (from) { node.textContent = from.textContent; }
    return node;
  }

  function ensurePopover() {
    if (pop) { return pop; }
    pop = document.createElement("div");
    pop.id = "pq-pop";
    pop.className = "pq-pop";
    pop.setAttribute("role", "dialog");
    pop.hidden = true;
    pop.addEventListener("mouseenter", function () { clearTimeout(timer); });
    pop.addEventListener("mouseleave", function () { if (HOVER && !pinned) { later(close, 250); } });
    pop.addEventListener("focusout", function (event) {
      if (!pop.contains(event.relatedTarget) && event.relatedTarget !== owner) { close(); }
    });
    document.body.appendChild(pop);
    return pop;
  }

  function fill(source) {
    var box = ensurePopover();
    var item = source.item;
    box.textContent = "";
    box.setAttribute("aria-label", "来源 " + source.n);
    var title = part("pq-pop-title");
    title.textContent = "[" + source.n + "] " + (item.querySelector(".pq-cite-title") || {}).textContent;
    box.appendChild(title);
    box.appendChild(part("pq-pop-meta", item.querySelector(".pq-cite-meta")));
    box.appendChild(part("pq-pop-quote", item.querySelector(".pq-quote"), "blockquote"));
    var original = item.querySelector("a[href]");
    if (original) {
      var link = document.createElement("a");
      link.href = original.href;
      link.target = "_blank";
      link.rel = "noopener";
      link.className = "pq-pop-link";
      link.textContent = "查看原文";
      box.appendChild(link);
    }
  }

  function place(button) {
    var r = button.getBoundingClientRect();
    var width = Math.min(360, window.innerWidth - 16);
    pop.style.width = width + "px";
    pop.hidden = false;
    var left = Math.min(Math.max(8, r.left + r.width / 2 - width / 2), window.innerWidth - width - 8);
    var top = r.bottom + 6;
    var height = pop.offsetHeight;
    if (top + height > window.innerHeight - 8 && r.top - height - 6 > 8) { top = r.top - height - 6; }
    pop.style.left = left + "px";
    pop.style.top = Math.max(8, top) + "px";
  }

  function open(button, byKeyboard) {
    var source = sourceFor(button);
    if (!source) { return; }
    clearTimeout(timer);
    if (owner && owner !== button) { owner.setAttribute("aria-expanded", "false"); }
    owner = button;
    fill(source);
    place(button);
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", "pq-pop");
    if (byKeyboard) {
      var link = pop.querySelector("a");
      if (link) { link.focus(); }
    }
  }

  function close(refocus) {
    if (!pop || pop.hidden) { return; }
    pop.hidden = true;
    pinned = false;
    if (owner) {
      owner.setAttribute("aria-expanded", "false");
      if (refocus === true) { owner.focus(); }
    }
    owner = null;
  }

  function refButton(target) {
    return target && target.closest ? target.closest("button.pq-ref") : null;
  }

  document.addEventListener("click", function (event) {
    var button = refButton(event.target);
    if (button) {
      event.preventDefault();
      event.stopPropagation();  // not a "select" of the whole message
      if (owner === button && pinned && !pop.hidden) { close(); return; }
      open(button, event.detail === 0);
      pinned = true;
      return;
    }
    if (pop && !pop.hidden && !pop.contains(event.target)) { close(); }
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && pop && !pop.hidden) { close(true); }
  });

  if (HOVER) {
    document.addEventListener("mouseover", function (event) {
      var button = refButton(event.target);
      if (!button || pinned) { return; }
      if (button === owner) { clearTimeout(timer); return; }
      later(function () { open(button, false); }, 120);
    });
    document.addEventListener("mouseout", function (event) {
      var button = refButton(event.target);
      if (button && !pinned && !(pop && pop.contains(event.relatedTarget))) { later(close, 250); }
    });
  }

  // Scrolling moves the popover with its button, and closes it once the button is out of view.
  function follow(event) {
    if (!pop || pop.hidden || !owner || pop.contains(event.target)) { return; }
    var r = owner.getBoundingClientRect();
    if (!owner.isConnected || r.bottom < 0 || r.top > window.innerHeight) { close(); }
    else { place(owner); }
  }
  window.addEventListener("resize", follow);
  document.addEventListener("scroll", follow, true);

  var FIXED_LABELS = {
    "chatbot conversation": "对话记录", "More tabs": "更多标签页", "Scroll down": "滚动到底部"
  };

  function relabel() {
    var messages = document.querySelectorAll('[data-testid="bot"][aria-label], [data-testid="user"][aria-label]');
    for (var i = 0; i < messages.length; i++) {
      var el = messages[i];
      var want = el.getAttribute("data-testid") === "bot" ? "回答" : "您的问题";
      if (el.getAttribute("aria-label") !== want) { el.setAttribute("aria-label", want); }
      if (el.getAttribute("role") !== "group") { el.setAttribute("role", "group"); }
    }
    Object.keys(FIXED_LABELS).forEach(function (english) {
      ["aria-label", "title"].forEach(function (attr) {
        var found = document.querySelectorAll("[" + attr + '="' + english + '"]');
        for (var j = 0; j < found.length; j++) { found[j].setAttribute(attr, FIXED_LABELS[english]); }
      });
    });
    // Gradio lists the welcome questions as role=list of plain buttons (no list items).
    var lists = document.querySelectorAll('#pq-chat .examples[role="list"]');
    for (var k = 0; k < lists.length; k++) {
      lists[k].setAttribute("role", "group");
      lists[k].setAttribute("aria-label", "示例问题");
    }
    if (document.documentElement.getAttribute("lang") !== "zh-CN") {
      document.documentElement.setAttribute("lang", "zh-CN");
    }
  }

  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; relabel(); });
  }
  var observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label", "title", "lang", "role"]
  });
  relabel();
})();
