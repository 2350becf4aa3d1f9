// bingfa: the behaviour of every page (exported site and live reader).
// Our own script, no dependencies: the navigation drawer, replaying a
// block's recorded output with its original timing, long output panes
// with a "show all" control, the code lines a result names (compile
// errors, races, crashes), and search over the index that
// search-index.js assigns to window.BINGFA_SEARCH.
(function () {
  "use strict";

  // ---- Words ----
  // The page carries the messages of its language (package msg's
  // catalogue) as JSON; the scripts have no words of their own. t returns
  // the message key with each %s or %d replaced by the next argument.
  var messages = {};
  try {
    messages = JSON.parse((document.getElementById("bingfa-msg") || {}).textContent || "{}");
  } catch (e) { /* no messages: keys show */ }
  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var s = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
    return s.replace(/%%|%[sdv]/g, function (m) { return m === "%%" ? "%" : String(args.shift()); });
  }

  // ---- Navigation drawer (small screens) ----
  function setupNav() {
    var btn = document.querySelector(".nav-toggle");
    if (!btn) return;
    btn.addEventListener("click", function () {
      var open = document.body.classList.toggle("nav-open");
      btn.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest(".sidebar a")) {
        document.body.classList.remove("nav-open");
        btn.setAttribute("aria-expanded", "false");
      }
    });
  }

  // ---- Replay ----
  // A .result element with data-replay holds {elapsed, events: [{t, s, d}]}:
  // the output events of the recorded run, t in milliseconds since the
  // program started, s the stream ("" for the combined stream), d the text.
  // replay empties the output pane and appends each event at its time.
  function replay(result) {
    var data;
    try { data = JSON.parse(result.getAttribute("data-replay")); } catch (e) { return null; }
    var pre = result.querySelector("pre.output");
    if (!pre) {
      pre = document.createElement("pre");
      pre.className = "output";
      result.querySelector(".result-bar").after(pre);
    }
    var btn = result.querySelector("button.replay");
    stopReplay(result);
    pre.textContent = "";
    pre.classList.add("playing");
    result.classList.add("replaying");
    if (btn) btn.disabled = true;
    var timers = [];
    result._bingfaTimers = timers;
    (data.events || []).forEach(function (ev) {
      timers.push(setTimeout(function () { append(pre, ev); }, ev.t));
    });
    var end = Math.max(data.elapsed || 0, 0) + 50;
    timers.push(setTimeout(function () {
      fitOutput(result);
      pre.classList.remove("playing");
      result.classList.remove("replaying");
      if (btn) btn.disabled = false;
      result.dispatchEvent(new CustomEvent("bingfa:replayed", { bubbles: true }));
    }, end));
    return data;
  }

  function stopReplay(result) {
    (result._bingfaTimers || []).forEach(clearTimeout);
    result._bingfaTimers = [];
  }

  // append adds one piece of output to an output pane.
  function append(pre, ev) {
    if (ev.s) {
      var span = document.createElement("span");
      span.className = "out-" + ev.s;
      span.textContent = ev.d;
      pre.appendChild(span);
    } else {
      pre.appendChild(document.createTextNode(ev.d));
    }
  }

  function setupReplay() {
    document.addEventListener("click", function (e) {
      var btn = e.target.closest && e.target.closest("button.replay");
      if (!btn) return;
      var result = btn.closest(".result");
      if (result) replay(result);
    });
  }

  // ---- Long output ----
  // An output pane is no taller than the stylesheet allows (it scrolls);
  // fitOutput gives a pane that overflows a "show all" control, which
  // lets it grow to its whole height, and back.
  function fitOutput(result) {
    var pre = result.querySelector("pre.output");
    var btn = result.querySelector("button.show-all");
    if (!pre) return;
    var long = pre.classList.contains("expanded") || pre.scrollHeight > pre.clientHeight + 2;
    if (!long) {
      if (btn) btn.remove();
      return;
    }
    if (btn) return;
    btn = document.createElement("button");
    btn.type = "button";
    btn.className = "show-all";
    btn.textContent = t("result.showall");
    btn.setAttribute("aria-expanded", "false");
    pre.after(btn);
    btn.addEventListener("click", function () {
      var open = pre.classList.toggle("expanded");
      btn.textContent = t(open ? "result.showless" : "result.showall");
      btn.setAttribute("aria-expanded", String(open));
      if (!open) pre.scrollTop = 0;
    });
  }

  // ---- Marks ----
  // A result's data-marks are lines of its block's code that a compile
  // error, a race report or a crash names ({line, msg, kind}). byLine
  // returns their messages and kinds by line; markLines marks them on a
  // cell's highlighted code, with the message on hover (markLines(fig, [])
  // clears them); markCode marks those of a result on its cell.
  function byLine(marks) {
    var msgs = {}, kinds = {};
    marks.forEach(function (m) {
      msgs[m.line] = msgs[m.line] ? msgs[m.line] + "\n" + m.msg : m.msg;
      kinds[m.line] = kinds[m.line] || m.kind || "";
    });
    return { msgs: msgs, kinds: kinds };
  }

  function markLines(fig, marks) {
    var by = byLine(marks);
    fig.querySelectorAll("pre.code .line").forEach(function (line, i) {
      var msg = by.msgs[i + 1];
      line.classList.toggle("live-mark", !!msg);
      ["race", "crash"].forEach(function (k) { line.classList.toggle("mark-" + k, !!msg && by.kinds[i + 1] === k); });
      if (msg) line.title = t("live.gutter.tip", i + 1, msg); else line.removeAttribute("title");
    });
  }

  function markCode(result) {
    var marks;
    try { marks = JSON.parse(result.getAttribute("data-marks") || "[]"); } catch (e) { return; }
    var key = result.getAttribute("data-block");
    document.querySelectorAll("figure.cell[data-block]").forEach(function (f) {
      if (f.getAttribute("data-block") === key) markLines(f, marks);
    });
  }

  // ---- Search ----
  // The index: docs (sections: u URL, l lesson, s section title, x text)
  // and terms (term -> doc numbers). Terms are Han characters and Han
  // bigrams, and lower-case words of letters and digits, as render.Terms
  // computes them.
  function isHan(ch) {
    return /\p{Script=Han}/u.test(ch);
  }
  function isWordChar(ch) {
    return /[\p{L}\p{N}_]/u.test(ch);
  }
  function terms(text) {
    var out = [], seen = {}, prev = "", word = "";
    function add(t) { if (!seen[t]) { seen[t] = true; out.push(t); } }
    function flush() { if (word) { add(word); word = ""; } }
    for (var ch of text) {
      if (isHan(ch)) {
        flush();
        add(ch);
        if (prev) add(prev + ch);
        prev = ch;
        continue;
      }
      if (isWordChar(ch)) word += ch.toLowerCase();
      else flush();
      prev = "";
    }
    flush();
    return out;
  }

  // search returns the sections matching query: those holding every term
  // whose text contains each of its words; sections whose title contains
  // the query first.
  function search(query) {
    var ix = window.BINGFA_SEARCH;
    if (!ix) return [];
    var ts = terms(query);
    if (!ts.length) return [];
    var cand = ix.terms[ts[0]] || [];
    for (var i = 1; i < ts.length && cand.length; i++) {
      var set = {};
      (ix.terms[ts[i]] || []).forEach(function (d) { set[d] = true; });
      cand = cand.filter(function (d) { return set[d]; });
    }
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var hits = [];
    cand.forEach(function (d) {
      var doc = ix.docs[d];
      var text = (doc.s + "\n" + doc.x + "\n" + (doc.c || "")).toLowerCase();
      if (words.every(function (w) { return text.indexOf(w) >= 0; })) {
        var inTitle = words.every(function (w) { return doc.s.toLowerCase().indexOf(w) >= 0; });
        hits.push({ doc: doc, rank: inTitle ? 0 : 1, n: d });
      }
    });
    hits.sort(function (a, b) { return a.rank - b.rank || a.n - b.n; });
    return hits.map(function (h) { return h.doc; });
  }

  // snippet returns a piece of text around the first word of the query.
  function snippet(text, words) {
    var lower = text.toLowerCase(), at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = lower.indexOf(words[i]);
    if (at < 0) return document.createTextNode(text.slice(0, 60));
    var start = Math.max(0, at - 20), w = words[i - 1];
    var frag = document.createDocumentFragment();
    frag.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, at)));
    var m = document.createElement("mark");
    m.textContent = text.slice(at, at + w.length);
    frag.appendChild(m);
    frag.appendChild(document.createTextNode(text.slice(at + w.length, at + w.length + 40) + "…"));
    return frag;
  }

  // The URLs in the index are relative to the site's root, where the
  // index page is; pages in subdirectories set data-root on <body>.
  function siteURL(u) {
    var root = document.body.getAttribute("data-root") || "";
    return root + u;
  }

  function setupSearch() {
    var box = document.querySelector("[data-search]");
    if (!box) return;
    var input = box.querySelector(".search-input");
    var list = box.querySelector(".search-results");
    function show() {
      var q = input.value.trim();
      list.textContent = "";
      if (!q) { list.hidden = true; return; }
      var words = q.toLowerCase().split(/\s+/).filter(Boolean);
      var hits = search(q).slice(0, 20);
      if (!hits.length) {
        var li = document.createElement("li");
        li.className = "none";
        li.textContent = window.BINGFA_SEARCH ? t("page.search.none", q) : t("page.search.noidx");
        list.appendChild(li);
      }
      hits.forEach(function (doc) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = siteURL(doc.u);
        var where = document.createElement("span");
        where.className = "where";
        where.textContent = doc.l + (doc.s && doc.s !== doc.l ? " › " + doc.s : "");
        var snip = document.createElement("span");
        snip.className = "snippet";
        snip.appendChild(snippet(doc.x, words));
        a.appendChild(where);
        a.appendChild(snip);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
    }
    input.addEventListener("input", show);
    // Enter opens the chosen result (the first one unless the arrow keys
    // chose another); Escape clears the box.
    var chosen = 0;
    function choose(i) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      chosen = (i + items.length) % items.length;
      items.forEach(function (li, k) { li.classList.toggle("active", k === chosen); });
      items[chosen].scrollIntoView({ block: "nearest" });
    }
    input.addEventListener("input", function () { chosen = 0; });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        var links = list.querySelectorAll("a");
        var a = links[chosen] || links[0];
        if (a) { e.preventDefault(); window.location.href = a.href; }
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        choose(chosen + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Escape") {
        input.value = "";
        show();
      }
    });
    document.addEventListener("click", function (e) {
      if (!box.contains(e.target)) list.hidden = true;
    });
    input.addEventListener("focus", function () { if (input.value.trim()) show(); });
  }

  window.bingfa = { t: t, replay: replay, stopReplay: stopReplay, search: search, terms: terms, append: append,
    fitOutput: fitOutput, byLine: byLine, markLines: markLines };

  function start() {
    setupNav();
    setupReplay();
    setupSearch();
    document.querySelectorAll(".result").forEach(function (r) {
      fitOutput(r);
      if (r.hasAttribute("data-marks")) markCode(r);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
