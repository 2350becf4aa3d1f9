// bingfa live reader: editable, runnable code cells on pages served by
// `bingfa serve`. Our own script, no dependencies.
//
// Each cell (figure.cell[data-block]) shows its highlighted code; clicking
// it opens an editor (a textarea with line numbers: Tab inserts a tab,
// four spaces in Python, Enter keeps the indentation, Shift+Enter runs, Escape closes). Run posts
// the code to /api/run (the browser's session cookie signs it: see
// package serve) and follows the run's Server-Sent Events: queued, start
// (engine and why), output (as it is printed), done (the verdict, rendered
// by the server as the result pane).
// Stop stops the run (the server kills its whole process group); Reset
// restores the lesson's code and result. "Run all" runs every cell in
// order. The page reloads when its lesson changes on disk.
(function () {
  "use strict";

  var lessonName = document.body.getAttribute("data-lesson");
  // Every word comes from the page's message catalogue (see bingfa.js).
  var t = (window.bingfa && window.bingfa.t) || function (k) { return k; };
  // What each block is (builds, runs, cell, exercise, serial), by key.
  var blocks = {};
  try {
    blocks = JSON.parse((document.getElementById("bingfa-blocks") || {}).textContent || "{}");
  } catch (e) { /* an older page: go by the tags */ }

  // ---- Requests ----
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {})
    });
  }

  // ---- Cells ----
  var cells = [];
  // maxShown is how much output a live pane holds, as a page's result
  // does (package render's maxShown, 64 KiB).
  var maxShown = 64 * 1024;

  function Cell(fig) {
    this.fig = fig;
    this.key = fig.getAttribute("data-block");
    this.block = this.key.slice(lessonName.length + 1);
    this.pre = fig.querySelector("pre.code");
    this.codeEl = this.pre.querySelector("code") || this.pre;
    this.area = fig.querySelector("textarea.cell-editor");
    this.original = this.area.value;
    this.originalHTML = this.codeEl.innerHTML;
    this.highlighted = this.original;
    this.result = resultOf(fig, this.key);
    this.originalResult = this.result.cloneNode(true);
    this.btn = {};
    var self = this;
    fig.querySelectorAll("[data-action]").forEach(function (b) {
      self.btn[b.getAttribute("data-action")] = b;
    });
    this.info = blocks[this.key] || {};
    this.exercise = this.info.exercise || fig.hasAttribute("data-exercise");
    if (this.info.builds === false) {
      // A fragment: it can be edited, never run.
      ["run", "stop"].forEach(function (a) {
        if (self.btn[a]) self.btn[a].remove();
        delete self.btn[a];
      });
    }
    this.setupEditor();
    this.restoreDraft();
    if (this.btn.run) this.btn.run.addEventListener("click", function () { self.run(); });
    if (this.btn.stop) this.btn.stop.addEventListener("click", function () { self.stop(); });
    if (this.btn.reset) this.btn.reset.addEventListener("click", function () { self.reset(); });
    if (this.exercise) this.showGoal();
    if (this.exercise && this.info.answer) this.setupAnswer();
    if (this.info.cell) this.setupCell();
  }

  // setupAnswer adds an exercise's "show the reference answer" control:
  // the answer (the block's file=, given by the server with the page)
  // unfolds under the code, with a button that puts it in the editor.
  Cell.prototype.setupAnswer = function () {
    var self = this;
    var controls = this.fig.querySelector(".cell-controls");
    if (!controls) return;
    var show = el("button", "show-answer", t("exercise.answer"));
    show.type = "button";
    show.setAttribute("aria-expanded", "false");
    var box = el("div", "live-answer");
    box.hidden = true;
    var pre = el("pre", "code answer-code", this.info.answer);
    var use = el("button", "use-answer", t("exercise.answer.use"));
    use.type = "button";
    box.append(pre, use);
    controls.append(show);
    controls.after(box);
    show.addEventListener("click", function () {
      box.hidden = !box.hidden;
      show.setAttribute("aria-expanded", String(!box.hidden));
      show.textContent = t(box.hidden ? "exercise.answer" : "exercise.answer.hide");
    });
    use.addEventListener("click", function () {
      self.area.value = self.info.answer;
      self.changed();
      self.close();
    });
  };

  // setupCell shows which earlier cells a notebook cell builds on, and adds
  // "run all above": the earlier cells and this one, in order.
  Cell.prototype.setupCell = function () {
    var self = this;
    var head = this.fig.querySelector(".cell-head");
    var deps = this.info.depends || [];
    if (head && !head.querySelector(".live-depends")) { // pages show it; older ones do not
      var line = el("span", "live-depends");
      if (deps.length) {
        line.append(t("cell.depends"));
        deps.forEach(function (d, i) {
          if (i) line.append(t("cell.depends.sep"));
          var a = el("a", "", d.name);
          a.href = "#" + d.id;
          line.append(a);
        });
      } else {
        line.textContent = t("cell.depends.none");
      }
      head.append(line);
    }
    if (!this.btn.run) return;
    var above = el("button", "run-above", t("live.run.above"));
    above.type = "button";
    above.title = t("live.run.above.tip");
    this.btn.run.after(above);
    above.addEventListener("click", function () {
      var upTo = cells.indexOf(self);
      runInOrder(cells.filter(function (c, i) { return i <= upTo && c.info.cell && c.btn.run; }));
    });
  };

  // runInOrder runs cells one after another; it returns a promise of how
  // many passed.
  function runInOrder(list) {
    var passed = 0;
    return list.reduce(function (p, c) {
      return p.then(function () {
        c.fig.scrollIntoView({ block: "nearest" });
        return c.run().then(function (d) { if (d && d.status === "pass") passed++; });
      });
    }, Promise.resolve()).then(function () { return passed; });
  }

  // resultOf returns the result pane of a cell, made if the page has none.
  function resultOf(fig, key) {
    var all = document.querySelectorAll(".result[data-block]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-block") === key) return all[i];
    }
    var r = document.createElement("div");
    r.className = "result status-shown";
    r.setAttribute("data-block", key);
    r.hidden = true;
    fig.after(r);
    return r;
  }

  // ---- Editor ----
  Cell.prototype.setupEditor = function () {
    var self = this, area = this.area;
    var wrap = document.createElement("div");
    wrap.className = "live-editor";
    wrap.hidden = true;
    var gutter = document.createElement("pre");
    gutter.className = "live-gutter";
    gutter.setAttribute("aria-hidden", "true");
    area.before(wrap);
    wrap.appendChild(gutter);
    wrap.appendChild(area);
    area.hidden = false;
    area.setAttribute("wrap", "off");
    this.wrap = wrap;
    this.gutter = gutter;
    this.pre.tabIndex = 0;
    this.pre.title = t("live.edit.tip");
    this.pre.classList.add("live-editable");
    this.pre.addEventListener("click", function () { self.edit(); });
    this.pre.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.shiftKey) { e.preventDefault(); self.run(); return; }
      if (e.key === "Enter") { e.preventDefault(); self.edit(); }
    });
    area.addEventListener("input", function () { self.changed(); });
    area.addEventListener("keydown", function (e) { self.onKey(e); });
    area.addEventListener("blur", function () { self.close(); });
    // Pressing a button of the cell keeps the editor open: closing it
    // would move the button away between mouse down and up.
    var controls = this.fig.querySelector(".cell-controls");
    if (controls) controls.addEventListener("mousedown", function (e) {
      if (!self.wrap.hidden) e.preventDefault();
    });
    this.layout();
  };

  // edit opens the editor in place of the highlighted code.
  Cell.prototype.edit = function () {
    this.layout();
    this.pre.hidden = true;
    this.wrap.hidden = false;
    this.area.focus();
  };

  // close shows the code highlighted again, asking the server to
  // highlight it when it was edited.
  Cell.prototype.close = function () {
    var self = this, code = this.area.value;
    this.wrap.hidden = true;
    this.pre.hidden = false;
    if (code === this.highlighted) return;
    if (code === this.original) {
      this.codeEl.innerHTML = this.originalHTML;
      this.highlighted = code;
      return;
    }
    post("/api/highlight", { lesson: lessonName, block: this.block, code: code })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) {
        if (j && self.area.value === code) {
          self.codeEl.innerHTML = j.html;
          self.highlighted = code;
        }
      });
  };

  Cell.prototype.changed = function () {
    this.layout();
    var edited = this.area.value !== this.original;
    this.fig.classList.toggle("live-edited", edited);
    try {
      var k = "bingfa:" + this.key;
      if (edited) sessionStorage.setItem(k, JSON.stringify({ original: this.original, code: this.area.value }));
      else sessionStorage.removeItem(k);
    } catch (e) { /* storage may be off */ }
  };

  // restoreDraft brings back the reader's edit after a reload, unless the
  // lesson's code itself changed meanwhile.
  Cell.prototype.restoreDraft = function () {
    try {
      var d = JSON.parse(sessionStorage.getItem("bingfa:" + this.key) || "null");
      if (d && d.original === this.original && d.code !== this.original) {
        this.area.value = d.code;
        this.changed();
        this.close();
      }
    } catch (e) { /* ignore */ }
  };

  // layout sizes the editor to its text and numbers its lines, marking
  // the lines a compile error, a race report or a crash names.
  Cell.prototype.layout = function () {
    var n = this.area.value.split("\n").length;
    var marks = this.marksByLine || {}, kinds = this.markKinds || {};
    this.gutter.textContent = "";
    for (var i = 1; i <= n; i++) {
      if (i > 1) this.gutter.append("\n");
      var num = el("span", marks[i] ? "live-mark" + (kinds[i] ? " mark-" + kinds[i] : "") : "", String(i));
      if (marks[i]) num.title = t("live.gutter.tip", i, marks[i]);
      this.gutter.append(num);
    }
    this.area.rows = Math.max(n, 3);
  };

  // mark shows the lines a compile error, a race report or a crash names
  // ({line, msg, kind}, in the code's own line numbers) in the editor's
  // gutter and on the highlighted code, with the message on hover;
  // mark([]) clears them.
  Cell.prototype.mark = function (marks) {
    var by = window.bingfa.byLine(marks);
    this.marksByLine = by.msgs;
    this.markKinds = by.kinds;
    this.layout();
    window.bingfa.markLines(this.fig, marks);
  };

  Cell.prototype.onKey = function (e) {
    var area = this.area;
    if (e.key === "Enter" && (e.shiftKey || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.run();
    } else if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      insert(area, this.unit());
    } else if (e.key === "Enter" && !e.altKey) {
      e.preventDefault();
      var before = area.value.slice(0, area.selectionStart);
      var line = before.slice(before.lastIndexOf("\n") + 1);
      var indent = line.match(/^[\t ]*/)[0];
      if (/[{(\[]\s*$/.test(line) || this.python() && /:\s*$/.test(line)) indent += this.unit();
      insert(area, "\n" + indent);
    } else if (e.key === "Escape") {
      e.preventDefault();
      area.blur();
    }
  };

  // python reports whether the cell is a Python program (highlighted as
  // Python): its indentation is four spaces, as PEP 8 writes it, since a
  // tab among spaces is a TabError; Go's is a tab, as gofmt writes it.
  Cell.prototype.python = function () {
    return this.pre.classList.contains("lang-python");
  };

  // unit returns one level of indentation of the cell's language.
  Cell.prototype.unit = function () {
    return this.python() ? "    " : "\t";
  };

  // insert types text at the cursor, keeping the browser's undo history
  // where it can.
  function insert(area, text) {
    if (!(document.execCommand && document.execCommand("insertText", false, text))) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
      area.dispatchEvent(new Event("input"));
    }
  }

  // ---- Running ----
  Cell.prototype.busy = function (running) {
    this.running = running;
    this.fig.classList.toggle("live-running", running);
    if (this.btn.run) this.btn.run.disabled = running;
    if (this.btn.stop) this.btn.stop.disabled = !running;
  };

  // run runs the cell's code; the promise ends with the done event (or
  // null when the run could not happen).
  Cell.prototype.run = function () {
    var self = this;
    if (this.running) return this.running;
    var pane = this.livePane();
    this.busy(true);
    this.mark([]);
    var p = post("/api/run", { lesson: lessonName, block: this.block, code: this.area.value, cells: this.cellEdits() })
      .then(function (r) {
        if (r.ok) return r.json();
        return r.text().then(function (text) {
          throw new Error(r.status === 429 ? t("live.busy") : text.trim());
        });
      })
      .then(function (j) { return self.follow(j, pane); })
      .catch(function (err) {
        pane.badge.textContent = t("live.cannot");
        pane.note(err.message);
        return null;
      })
      .then(function (done) {
        self.busy(false);
        self.running = null;
        return done;
      });
    this.running = p;
    return p;
  };

  // cellEdits returns the reader's edits of the page's notebook cells, by
  // block name, for a cell's run: its program has the earlier cells'
  // declarations as edited.
  Cell.prototype.cellEdits = function () {
    var edits = {};
    if (!this.info.cell) return edits;
    cells.forEach(function (c) {
      if (c.info.cell && c.area.value !== c.original) edits[c.block] = c.area.value;
    });
    return edits;
  };

  // follow reads a run's events into the live pane.
  Cell.prototype.follow = function (j, pane) {
    var self = this;
    this.current = j;
    return new Promise(function (resolve) {
      var es = new EventSource(j.events);
      var t0 = 0, timer = null, finished = false;
      function end(done) {
        if (finished) return;
        finished = true;
        es.close();
        clearInterval(timer);
        self.current = null;
        resolve(done);
      }
      self.closeEvents = function () { end(null); };
      es.addEventListener("queued", function (e) {
        var d = JSON.parse(e.data);
        pane.badge.textContent = !d.build ? t("live.queued") :
          d.total ? t("live.building.n", d.built, d.total) : t("live.building");
      });
      es.addEventListener("start", function (e) {
        var d = JSON.parse(e.data);
        pane.badge.textContent = t("live.running");
        pane.pre.classList.add("playing");
        pane.engine.textContent = d.engine;
        pane.engine.title = reason(d);
        pane.why.textContent = reason(d);
        t0 = performance.now();
        timer = setInterval(function () {
          pane.elapsed.textContent = ((performance.now() - t0) / 1000).toFixed(1) + " s";
        }, 100);
      });
      es.addEventListener("output", function (e) {
        var d = JSON.parse(e.data);
        pane.pre.classList.remove("empty");
        pane.add(d);
      });
      es.addEventListener("done", function (e) {
        var d = JSON.parse(e.data);
        self.showDone(d, pane);
        end(d);
      });
      es.onerror = function () {
        if (!finished) {
          pane.badge.textContent = t("live.lost");
          end(null);
        }
      };
    });
  };

  // livePane empties the result pane and sets it up for a running program.
  Cell.prototype.livePane = function () {
    var r = this.result;
    r.hidden = false;
    r.className = "result status-running";
    r.removeAttribute("data-replay");
    r.innerHTML = "";
    var bar = el("div", "result-bar");
    var pane = {
      badge: el("span", "badge", t("live.preparing")),
      engine: el("span", "meta live-engine"),
      why: el("span", "meta live-why"),
      elapsed: el("span", "meta live-elapsed"),
      pre: el("pre", "output empty")
    };
    pane.pre.setAttribute("aria-live", "polite");
    bar.append(pane.badge, pane.engine, pane.elapsed, pane.why);
    r.append(bar, pane.pre);
    pane.note = function (text) {
      var p = el("p", "live-note", text);
      r.appendChild(p);
    };
    // add appends a piece of output, following the end of the pane unless
    // the reader scrolled up; past maxShown characters the pane keeps no
    // more (the done event brings the page's own, clipped, rendering).
    var shown = 0;
    pane.add = function (ev) {
      if (shown >= maxShown) return;
      if (shown + ev.d.length >= maxShown) {
        ev = { s: ev.s, d: ev.d.slice(0, maxShown - shown) + "\n" + t("result.clipped") + "\n" };
      }
      shown += ev.d.length;
      var pre = pane.pre, atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
      append(pre, ev);
      if (atEnd) pre.scrollTop = pre.scrollHeight;
    };
    return pane;
  };

  // showDone puts the server's rendering of the finished run in place of
  // the live pane, with what the live reader adds: engine and why, how
  // long it took, whether it was stopped, and an exercise's progress.
  Cell.prototype.showDone = function (d, pane) {
    var r = this.result;
    if (d.html) {
      var tmp = document.createElement("div");
      tmp.innerHTML = d.html;
      var fresh = tmp.querySelector(".result");
      if (fresh) {
        r.replaceWith(fresh);
        this.result = r = fresh;
      }
    }
    r.classList.add("live-done");
    if (window.bingfa && window.bingfa.fitOutput) window.bingfa.fitOutput(r);
    try {
      this.mark(JSON.parse(r.getAttribute("data-marks") || "[]"));
    } catch (e) { /* no marks */ }
    r.setAttribute("data-verdict", d.status);
    var bar = r.querySelector(".result-bar");
    if (bar) {
      // The pane of a checked exercise shows its reference answer's run;
      // here it is the reader's own code.
      bar.querySelectorAll(".meta").forEach(function (m) {
        if (m.classList.contains("answer-run")) m.remove();
      });
      var why = el("span", "meta live-why", reason(d));
      if (d.build > 0 && !d.cached) why.textContent += t("live.compile", fmtMs(d.build));
      bar.append(why);
    }
    if (d.stopped) r.appendChild(el("p", "live-note live-stopped", t("live.stopped")));
    // A stopped run is neither a pass nor a failure: its badge is the
    // server's neutral "已停止", and an exercise is not judged.
    if (this.exercise && d.status !== "stopped") {
      var ok = d.status === "pass";
      var badge = r.querySelector(".badge");
      if (!ok && badge && !r.querySelector(".build-errors")) {
        badge.textContent = t("status.todo");
        r.classList.add("status-todo");
      }
      r.appendChild(el("p", "live-note live-exercise " + (ok ? "ok" : "not-yet"),
        ok ? t("live.done") : t("live.notyet")));
    }
  };

  // untouchedExercise reports whether the cell is an exercise still
  // holding the lesson's starting code.
  Cell.prototype.untouchedExercise = function () {
    return this.exercise && this.area.value === this.original;
  };

  Cell.prototype.stop = function () {
    var j = this.current;
    if (!j) return;
    post(j.stop).catch(function () {});
  };

  Cell.prototype.reset = function () {
    this.stop();
    this.area.value = this.original;
    this.changed();
    this.codeEl.innerHTML = this.originalHTML;
    this.highlighted = this.original;
    this.mark([]);
    var fresh = this.originalResult.cloneNode(true);
    this.result.replaceWith(fresh);
    this.result = fresh;
    if (this.exercise) this.showGoal();
  };

  // showGoal says what an exercise asks: make the output match the goal.
  Cell.prototype.showGoal = function () {
    var r = this.result;
    if (r.querySelector(".live-goal")) return;
    var g = el("p", "live-note live-goal", t("live.goal"));
    var bar = r.querySelector(".result-bar");
    if (bar) bar.after(g); else r.prepend(g);
  };

  // append adds one piece of output, as the page's replay does.
  function append(pre, ev) {
    if (window.bingfa && window.bingfa.append) return window.bingfa.append(pre, ev);
    var node = document.createTextNode(ev.d);
    if (ev.s) {
      node = el("span", "out-" + ev.s, ev.d);
    }
    pre.appendChild(node);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // reason returns why an engine ran a block, from a start or done event:
  // the router's reason, and where in the source it is found.
  function reason(d) {
    return d.pos ? t("live.at", d.why || "", d.pos) : d.why || "";
  }

  function fmtMs(ms) {
    if (ms >= 1000) return (ms / 1000).toFixed(2) + " s";
    return ms.toFixed(1) + " ms";
  }

  // ---- Run all ----
  function setupRunAll() {
    var runnable = cells.filter(function (c) { return c.btn.run; });
    if (!runnable.length) return;
    var bar = el("div", "live-runall");
    var all = el("button", "run-all", t("live.runall"));
    var stop = el("button", "stop-all", t("live.stopall"));
    var status = el("span", "meta");
    all.type = stop.type = "button";
    stop.disabled = true;
    bar.append(all, stop, status);
    var article = document.querySelector("article.prose") || document.querySelector("main");
    article.before(bar);
    var stopped = false;
    all.addEventListener("click", function () {
      stopped = false;
      all.disabled = true;
      stop.disabled = false;
      // An exercise the reader has not touched is to do: not run, and
      // neither passed nor failed.
      var todo = runnable.filter(function (c) { return c.untouchedExercise(); });
      var torun = runnable.filter(function (c) { return todo.indexOf(c) < 0; });
      var i = 0, passed = 0;
      function next() {
        if (stopped || i >= torun.length) {
          all.disabled = false;
          stop.disabled = true;
          status.textContent = (stopped ? t("live.tally.stopped") : "") + t("live.tally", passed, torun.length) +
            (todo.length ? t("live.tally.todo", todo.length) : "");
          bar.classList.toggle("all-passed", !stopped && passed === torun.length);
          return;
        }
        var c = torun[i++];
        status.textContent = t("live.progress", i, torun.length);
        c.fig.scrollIntoView({ block: "nearest" });
        c.run().then(function (d) {
          if (d && d.status === "pass") passed++;
          next();
        });
      }
      next();
    });
    stop.addEventListener("click", function () {
      stopped = true;
      runnable.forEach(function (c) { c.stop(); });
    });
    if (cells.some(function (c) { return c.info.cell; })) {
      // Restart forgets all state, as a notebook's kernel restart does:
      // every cell's edits and outputs go, the lesson's code comes back.
      var restart = el("button", "restart", t("live.restart"));
      restart.type = "button";
      restart.title = t("live.restart.tip");
      stop.after(restart);
      restart.addEventListener("click", function () {
        stopped = true;
        cells.forEach(function (c) { c.reset(); });
        status.textContent = t("live.restarted");
      });
    }
  }

  // ---- Reload when the lesson changes ----
  // Also when the server comes back after a restart (the reader's edits
  // are kept in sessionStorage), and when it refuses the stream: the
  // browser is no longer signed in (a restarted server has a new session),
  // and the reloaded page says how to sign in again.
  function watch() {
    var es = new EventSource("/api/watch");
    var lost = false;
    es.addEventListener("reload", function () {
      es.close();
      location.reload();
    });
    es.onerror = function () {
      lost = true;
      if (es.readyState === EventSource.CLOSED) location.reload();
    };
    es.onopen = function () {
      if (lost) location.reload();
    };
  }

  document.querySelectorAll("figure.cell[data-block]").forEach(function (fig) {
    if (fig.querySelector("textarea.cell-editor") && lessonName) cells.push(new Cell(fig));
  });
  setupRunAll();
  watch();
  window.addEventListener("pagehide", function () {
    cells.forEach(function (c) { c.stop(); });
  });
})();
