package lesson

import (
	"fmt"
	"strconv"
)

func setPort(o *Options, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("want a TCP port from 1 to 65535")
	}
	o.Port = n
	return nil
}

func setClient(o *Options, v string) error {
	var p Options
	if err := setName(&p, v); err != nil {
		return err
	}
	o.Client = v
	return nil
}

// serverOf checks a server block, and gives a client block its server.
func (ps *parseState) serverOf(b *Block) {
	o := &b.Opts
	switch {
	case o.Server && o.Client != "":
		ps.errorf(b.Code.Line, 0, "a block cannot be both a server and a client")
	case o.Server && ((o.Ready == "" && o.Port == 0) || o.Test || o.Cell || o.Exercise || o.Mode != Run):
		ps.errorf(b.Code.Line, 0, "a server block needs ready=\"TEXT\" (what it prints when it is ready for clients) or port=N (the port it listens on), and is not a test, a cell, an exercise, norun or nobuild")
	case o.Port > 0 && !o.Server:
		ps.errorf(b.Code.Line, 0, "port= is the port a server block listens on: this block is not a server")
	case o.Client != "":
		srv := ps.names[o.Client]
		if srv == nil || !srv.Opts.Server {
			ps.errorf(b.Code.Line, 0, "client=%s: no server block of that name before it", o.Client)
			return
		}
		if o.Test || o.Cell || o.Exercise {
			ps.errorf(b.Code.Line, 0, "a client is a complete program, not a test, a cell or an exercise")
			return
		}
		if o.NoSandbox || o.HostNet {
			ps.errorf(b.Code.Line, 0, "a client runs in its server's sandbox, with its network: set sandbox=off or net=host on the server %s", o.Client)
			return
		}
		b.server = srv
		srv.clients = append(srv.clients, b)
	}
}

// Server returns the server block that client b runs against, or nil.
func (b *Block) Server() *Block { return b.server }

// FirstClient reports whether b is the first client of its server: the
// session in which the server's output block is matched.
func (b *Block) FirstClient() bool {
	return b.server != nil && len(b.server.clients) > 0 && b.server.clients[0] == b
}
