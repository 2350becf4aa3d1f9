package serve

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"bingfa/runner/check"
)

// maxCode bounds the code of a run request.
const maxCode = 256 << 10

// A runRequest asks to run a block's code, as edited on the page. The
// block's options (timeout, arguments, environment, output cap) are the
// lesson's: a page cannot change them.
type runRequest struct {
	Lesson string `json:"lesson"`
	Block  string `json:"block"`
	// Code is the block's code as the reader edited it; when the
	// request has none, the lesson's code runs.
	Code *string `json:"code"`
	// Cells holds the reader's edits of the lesson's earlier notebook
	// cells, by block name, which a cell's program is assembled with.
	Cells map[string]string `json:"cells,omitempty"`
}

type runReply struct {
	ID     string `json:"id"`
	Events string `json:"events"` // URL of the run's event stream
	Stop   string `json:"stop"`   // URL to POST to stop it
}

// startRun handles POST /api/run: it admits a run and replies with its id;
// the run starts when the page opens its event stream.
func (s *Server) startRun(w http.ResponseWriter, r *http.Request) {
	var req runRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxCode)).Decode(&req); err != nil {
		http.Error(w, s.pages.r.Lang(nil).T("api.bad", err.Error()), http.StatusBadRequest)
		return
	}
	l, _, err := s.cfg.Library.Lesson(req.Lesson)
	if err != nil {
		http.Error(w, s.pages.r.Lang(nil).T("api.nolesson", req.Lesson), http.StatusNotFound)
		return
	}
	b := l.Block(req.Block)
	if b == nil || !b.Builds() {
		http.Error(w, s.pages.r.Lang(l).T("api.noblock", req.Lesson, req.Block), http.StatusNotFound)
		return
	}
	code := b.Code.Text
	if req.Code != nil {
		code = *req.Code
	}
	run := &run{}
	run.lesson, run.block, run.edited = check.Edit(l, b, code, req.Cells)
	if err := s.runs.add(run); err != nil {
		w.Header().Set("Retry-After", "2")
		http.Error(w, s.pages.r.Lang(l).T("live.busy"), http.StatusTooManyRequests)
		return
	}
	writeJSON(w, runReply{ID: run.id, Events: "/api/run/" + run.id + "/events", Stop: "/api/run/" + run.id + "/stop"})
}

// events handles GET /api/run/{id}/events: it runs the program and streams
// its events. When the page goes away, the program is stopped.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	run, err := s.runs.attach(r.PathValue("id"), cancel)
	if err != nil {
		code := http.StatusNotFound
		if errors.Is(err, errAttached) {
			code = http.StatusConflict
		}
		http.Error(w, err.Error(), code)
		return
	}
	defer s.runs.remove(run)
	s.execute(ctx, run, newEventStream(w))
}

// stopRun handles POST /api/run/{id}/stop.
func (s *Server) stopRun(w http.ResponseWriter, r *http.Request) {
	if err := s.runs.stop(r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// watch handles GET /api/watch: an event stream that sends "reload" when a
// lesson file changes on disk, so that open pages show the new text.
func (s *Server) watch(w http.ResponseWriter, r *http.Request) {
	lib := s.cfg.Library
	last := lib.Stamp() // before the stream starts: an edit made once it has started is seen
	ev := newEventStream(w)
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	idle := 0
	for {
		select {
		case <-r.Context().Done():
			return
		case <-tick.C:
		}
		if now := lib.Stamp(); now != last {
			last = now
			if ev.send("reload", struct{}{}) != nil {
				return
			}
			continue
		}
		if idle++; idle*int(pollInterval) >= int(15*time.Second) {
			idle = 0
			if ev.comment("ping") != nil {
				return
			}
		}
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
