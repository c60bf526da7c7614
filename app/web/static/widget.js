/* policyqa chat widget: one <script> tag gives a floating chat button and panel.
 *
 *   <script src="https://HOST/widget.js" data-title="人才政策咨询" data-region="青岛"></script>
 *
 * Talks to /api/ask on the origin this script was loaded from. Every piece of
 * server text is written with textContent (never as HTML). Styles live in a
 * shadow root so the host page and the widget do not affect each other.
 */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector("script[src$='/widget.js'][data-title], script[src$='/widget.js']");
  if (!script || !script.src || document.getElementById("policyqa-widget")) { return; }
  var ORIGIN = new URL(script.src, window.location.href).origin;
  var TITLE = script.getAttribute("data-title") || "人才政策咨询";
  var REGION = script.getAttribute("data-region") || "";
  var INLINE = script.getAttribute("data-mode") === "inline";
  var history = [];
  var busy = false;

  var CSS = [
    ":host{all:initial;font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif}",
    ".btn{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;",
    "padding:12px 18px;background:#1668dc;color:#fff;font-size:15px;cursor:pointer;",
    "box-shadow:0 4px 14px rgba(0,0,0,.25)}",
    ".panel{position:fixed;right:20px;bottom:80px;z-index:2147483001;width:min(380px,calc(100vw - 24px));",
    "height:min(560px,calc(100vh - 110px));display:none;flex-direction:column;background:#fff;",
    "color:#1f2328;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}",
    ".panel.open{display:flex}",
    ".inline .panel{position:static;display:flex;width:100%;height:100vh;border-radius:0;box-shadow:none}",
    ".head{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;",
    "background:#1668dc;color:#fff;font-size:16px;font-weight:600}",
    ".close{background:none;border:0;color:#fff;font-size:20px;cursor:pointer}",
    ".log{flex:1;overflow-y:auto;padding:12px;background:#f6f7f9;font-size:14px;line-height:1.6}",
    ".msg{margin:0 0 10px;padding:8px 10px;border-radius:8px;white-space:pre-wrap;word-break:break-word}",
    ".user{background:#1668dc;color:#fff;margin-left:15%}",
    ".bot{background:#fff;border:1px solid #e4e7ec;margin-right:5%}",
    ".refused{border-left:4px solid #f79009;background:#fffaeb}",
    ".error{border-left:4px solid #d92d20;background:#fef3f2}",
    ".srcs{margin:6px 0 0;border-top:1px dashed #d0d5dd;font-size:13px;white-space:normal}",
    ".srcs summary{cursor:pointer;padding:4px 0;color:#344054;font-weight:600}",
    ".cites{margin:0;padding:0;list-style:none}",
    ".cites li{margin-bottom:6px}.meta{color:#667085}.num{color:#1668dc;font-weight:600}",
    ".quote{display:block;background:#fff3bf;padding:2px 4px;margin-top:2px}",
    ".cites a,.pop a{color:#1551b5}",
    ".ref{border:0;background:none;padding:0 1px;margin:0;font:inherit;font-size:12px;color:#1551b5;",
    "vertical-align:super;line-height:1;cursor:pointer;text-decoration:underline dotted}",
    ".ref:focus-visible,.srcs summary:focus-visible{outline:2px solid #1668dc;outline-offset:1px}",
    ".pop{position:absolute;z-index:5;left:12px;right:12px;max-height:55%;overflow-y:auto;",
    "padding:8px 10px;background:#fff;color:#1f2328;border:1px solid #d0d5dd;border-radius:8px;",
    "box-shadow:0 6px 20px rgba(0,0,0,.2);font-size:13px;line-height:1.6}",
    ".pop[hidden]{display:none}.pop strong{display:block}",
    ".inline .panel{position:relative;right:auto;bottom:auto}",
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    "form{display:flex;gap:6px;padding:10px;border-top:1px solid #e4e7ec;background:#fff}",
    "textarea{flex:1;resize:none;height:40px;padding:8px;font:inherit;font-size:14px;",
    "border:1px solid #d0d5dd;border-radius:6px}",
    ".send{border:0;border-radius:6px;background:#1668dc;color:#fff;padding:0 14px;font-size:14px;cursor:pointer}",
    ".send:disabled{background:#98a2b3}",
    ".hint{color:#667085;font-size:13px}"
  ].join("");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  var host = el("div");
  host.id = "policyqa-widget";
  var root = host.attachShadow({ mode: "open" });
  var style = el("style");
  style.textContent = CSS;
  root.appendChild(style);
  var wrap = el("div", INLINE ? "inline" : "");
  root.appendChild(wrap);

  var button = el("button", "btn", TITLE);
  button.type = "button";
  button.setAttribute("aria-label", TITLE);
  var panel = el("section", "panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", TITLE);
  var head = el("div", "head");
  head.appendChild(el("span", "", TITLE));
  var close = el("button", "close", "×");
  close.type = "button";
  close.setAttribute("aria-label", "关闭");
  head.appendChild(close);
  var log = el("div", "log");
  log.setAttribute("aria-live", "polite");
  log.appendChild(el("p", "hint", "您好！请输入关于人才引进、就业创业、补贴待遇等政策的问题。"
    + (REGION ? "（优先查找" + REGION + "的政策）" : "")));
  var form = el("form");
  var input = el("textarea");
  input.maxLength = 500;
  input.placeholder = "输入您的问题…";
  input.setAttribute("aria-label", "问题");
  var send = el("button", "send", "发送");
  send.type = "submit";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(head);
  panel.appendChild(log);
  panel.appendChild(form);
  if (!INLINE) { wrap.appendChild(button); } else { close.style.display = "none"; }
  wrap.appendChild(panel);

  function toggle(open) {
    panel.classList.toggle("open", open);
    if (open) { input.focus(); }
  }
  button.addEventListener("click", function () { toggle(!panel.classList.contains("open")); });
  close.addEventListener("click", function () { toggle(false); button.focus(); });
  panel.addEventListener("click", function (event) {
    if (!pop.contains(event.target)) { closePopover(false); }
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    if (!pop.hidden) { closePopover(true); }
    else if (!INLINE) { toggle(false); button.focus(); }
  });
  log.addEventListener("scroll", function () {  // the popover follows its button while in view
    if (pop.hidden || !popOwner) { return; }
    var r = popOwner.getBoundingClientRect();
    var view = log.getBoundingClientRect();
    if (r.bottom < view.top || r.top > view.bottom) { closePopover(false); } else { placePopover(popOwner); }
  });

  // Room below the last answer, so that even a short answer can be shown from the top.
  var spacer = el("div", "spacer");
  spacer.setAttribute("aria-hidden", "true");
  log.appendChild(spacer);

  function addMessage(cls, text) {
    var node = el("div", "msg " + cls, text);
    spacer.style.height = "0px";
    log.insertBefore(node, spacer);
    log.scrollTop = log.scrollHeight;
    return node;
  }

  function docUrl(docId, start, end) {
    var url = new URL("/doc/" + encodeURIComponent(String(docId)), ORIGIN);
    url.searchParams.set("start", String(Number(start) || 0));
    url.searchParams.set("end", String(Number(end) || 0));
    url.hash = "quote";
    return url.href;
  }

  function link(href) {
    var a = el("a", "", "查看原文");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    return a;
  }

  function sourceItem(source) {
    var item = el("li");
    var head = el("strong");
    if (source.n) { head.appendChild(el("span", "num", "[" + source.n + "] ")); }
    head.appendChild(document.createTextNode(source.title || ""));
    item.appendChild(head);
    if (source.meta) { item.appendChild(el("div", "meta", source.meta)); }
    item.appendChild(el("span", "quote", source.quote || ""));
    item.appendChild(link(source.href));
    return item;
  }

  // One popover per panel for the [n] buttons: the source's title, meta, quote and link.
  var pop = el("div", "pop");
  pop.hidden = true;
  pop.id = "policyqa-source";
  pop.setAttribute("role", "dialog");
  var popOwner = null;
  panel.appendChild(pop);

  function closePopover(refocus) {
    if (pop.hidden) { return; }
    pop.hidden = true;
    if (popOwner) {
      popOwner.setAttribute("aria-expanded", "false");
      if (refocus) { popOwner.focus(); }
    }
    popOwner = null;
  }

  function placePopover(button) {
    var box = panel.getBoundingClientRect();
    var r = button.getBoundingClientRect();
    var top = r.bottom - box.top + 4;
    if (top + pop.offsetHeight > box.height - 8) { top = Math.max(8, r.top - box.top - pop.offsetHeight - 4); }
    pop.style.top = top + "px";
  }

  function openPopover(button, source, byKeyboard) {
    if (popOwner === button && !pop.hidden) { closePopover(false); return; }
    if (popOwner) { popOwner.setAttribute("aria-expanded", "false"); }
    popOwner = button;
    pop.textContent = "";
    pop.setAttribute("aria-label", "来源 " + source.n);
    pop.appendChild(el("strong", "", "[" + source.n + "] " + (source.title || "")));
    if (source.meta) { pop.appendChild(el("div", "meta", source.meta)); }
    pop.appendChild(el("span", "quote", source.quote || ""));
    pop.appendChild(link(source.href));
    pop.hidden = false;
    placePopover(button);
    button.setAttribute("aria-expanded", "true");
    if (byKeyboard) { pop.querySelector("a").focus(); }
  }

  function refButton(n, source) {
    var button = el("button", "ref");
    button.type = "button";
    button.appendChild(el("span", "sr", "来源"));
    button.appendChild(document.createTextNode("[" + n + "]"));
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", pop.id);
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      openPopover(button, source, event.detail === 0);
    });
    return button;
  }

  // The answer text with each cited [n] as a button; everything else stays plain text.
  function answerText(text, sources) {
    var box = el("div", "text");
    var parts = String(text).split(/(\[\d{1,3}\])/);
    parts.forEach(function (part) {
      var m = /^\[(\d{1,3})\]$/.exec(part);
      var source = m ? sources[m[1]] : null;
      box.appendChild(source ? refButton(m[1], source) : document.createTextNode(part));
    });
    return box;
  }

  function sourcesBlock(label, items) {
    var details = el("details", "srcs");
    details.appendChild(el("summary", "", label + "（" + items.length + "）"));
    var list = el("ol", "cites");
    items.forEach(function (source) { list.appendChild(sourceItem(source)); });
    details.appendChild(list);
    return details;
  }

  function renderAnswer(node, data) {
    node.textContent = "";
    if (data.refused) {
      node.classList.add("refused");
      node.appendChild(el("strong", "", "未找到答案"));
      node.appendChild(el("div", "", String(data.answer || "")));
      var related = (Array.isArray(data.related) ? data.related : []).slice(0, 3).map(function (h) {
        var text = String(h.text || "");
        return { n: 0, title: h.title, meta: h.section_path,
          quote: text.length > 120 ? text.slice(0, 120) + "…" : text,
          href: docUrl(h.doc_id, h.char_start, h.char_end) };
      });
      if (related.length) { node.appendChild(sourcesBlock("相关段落", related)); }
      return;
    }
    var sources = {};
    var listed = (Array.isArray(data.citations) ? data.citations : []).map(function (c) {
      var meta = [c.issuer, c.date || "日期不详", c.section_path].filter(Boolean).join(" · ");
      if (c.status) { meta += " 【" + c.status + "】"; }
      var source = { n: Number(c.n) || 0, title: c.title, meta: meta, quote: c.quote,
        href: docUrl(c.doc_id, c.char_start, c.char_end) };
      if (source.n) { sources[source.n] = source; }
      return source;
    });
    node.appendChild(answerText(data.answer || "", sources));
    if (listed.length) { node.appendChild(sourcesBlock("来源", listed)); }
  }

  // Show a new answer from its first line (the question stays just above it).
  function scrollToStart(node) {
    var below = spacer.getBoundingClientRect().top - node.getBoundingClientRect().top;
    spacer.style.height = Math.max(0, log.clientHeight - below - 12) + "px";
    log.scrollTop += node.getBoundingClientRect().top - log.getBoundingClientRect().top - 6;
  }

  function errorText(status, body) {
    if (status === 429) { return "提问太频繁了，请稍后再试。"; }
    if (status === 403) { return "此网站未获授权使用咨询服务。"; }
    if (body && typeof body.error === "string") { return "请求有误：" + body.error; }
    return "服务暂时不可用，请稍后再试。";
  }

  function ask(question) {
    busy = true;
    send.disabled = true;
    addMessage("user", question);
    var pending = addMessage("bot", "正在查找相关政策…");
    var payload = { question: question, history: history.slice(-10) };
    if (REGION) { payload.region = REGION; }
    fetch(ORIGIN + "/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
      credentials: "omit",
      mode: "cors"
    }).then(function (resp) {
      return resp.json().catch(function () { return null; }).then(function (body) {
        if (!resp.ok || !body) { throw { status: resp.status, body: body }; }
        renderAnswer(pending, body);
        history.push({ role: "user", content: question });
        history.push({ role: "assistant", content: String(body.answer || "") });
      });
    }).catch(function (err) {
      pending.classList.add("error");
      pending.textContent = err && err.status
        ? errorText(err.status, err.body)
        : "无法连接咨询服务（网络错误或此网站未获授权）。";
    }).then(function () {
      busy = false;
      send.disabled = false;
      scrollToStart(pending);
      input.focus();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (!question || busy) { return; }
    input.value = "";
    ask(question.slice(0, 500));
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function mount() { document.body.appendChild(host); }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
