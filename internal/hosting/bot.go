package hosting

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// Bot is a simulated student, for rehearsing a lesson (`headless host
// --bots N`) and for load tests: it joins, answers the lesson's question,
// takes a stance on data centres, votes on every ballot, decides in every
// round held in its community, and measures how
// long the host takes to answer a ping.
type Bot struct {
	Name      string
	Seed      uint64
	PingEvery time.Duration // 0: no pings
	From      net.IP        // the address to connect from (nil: the system's choice); tests give each bot its own loopback address, as phones have their own

	Token     string
	Community int
	Person    int
	Votes     map[int]bool    // what it voted, by ballot
	Decided   map[int]bool    // what it decided, by round (true: refuse)
	Latencies []time.Duration // round trips of its pings
	JoinTime  time.Duration   // from connecting to being welcomed
	Pongs     atomic.Int64    // pings answered so far (read while it runs)
	Answered  bool            // it has sent its prediction
}

// Run plays the student at the page's address (http://host:port/) with
// the class's code until ctx ends or the host goes.
func (b *Bot) Run(ctx context.Context, pageURL, code string) error {
	wsURL := "ws" + strings.TrimPrefix(strings.SplitN(pageURL, "?", 2)[0], "http")
	wsURL = strings.TrimSuffix(wsURL, "/") + "/ws"
	start := time.Now()
	conn, _, err := websocket.Dial(ctx, wsURL, dialFrom(b.From))
	if err != nil {
		return err
	}
	defer conn.CloseNow()
	conn.SetReadLimit(1 << 20)
	r := rand.New(rand.NewPCG(b.Seed, 7))
	b.Votes, b.Decided = map[int]bool{}, map[int]bool{}
	send := func(m map[string]any) error {
		data, _ := json.Marshal(m)
		return conn.Write(ctx, websocket.MessageText, data)
	}
	if err := send(map[string]any{"type": "join", "code": code, "name": b.Name, "token": b.Token}); err != nil {
		return err
	}
	if b.PingEvery > 0 {
		go func() {
			t := time.NewTicker(b.PingEvery)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					if send(map[string]any{"type": "ping", "t": time.Now().UnixNano()}) != nil {
						return
					}
				}
			}
		}()
	}
	for {
		_, data, err := conn.Read(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		var m struct {
			Type      string
			Token     string
			Text      string
			Community int
			Person    int
			T         int64
			Predict   bool
			Answers   []string
			Ballot    *struct {
				ID   int
				Open bool
			}
			Round *struct {
				ID, Community int
				Open          bool
			}
		}
		if json.Unmarshal(data, &m) != nil {
			return errors.New("bot: the host sent something that is not JSON")
		}
		switch m.Type {
		case "welcome":
			b.Token, b.Community, b.Person, b.JoinTime = m.Token, m.Community, m.Person, time.Since(start)
			if b.Community >= 0 {
				err = send(map[string]any{"type": "refuse", "refuse": r.IntN(2) == 0})
			}
		case "refused":
			return errors.New("bot: refused: " + m.Text)
		case "bye":
			return nil
		case "pong":
			b.Latencies = append(b.Latencies, time.Duration(time.Now().UnixNano()-m.T))
			b.Pongs.Add(1)
		case "state":
			if m.Predict && len(m.Answers) > 0 && !b.Answered {
				b.Answered = true
				err = send(map[string]any{"type": "predict", "answer": r.IntN(len(m.Answers))})
			}
			if bl := m.Ballot; bl != nil && bl.Open {
				if _, done := b.Votes[bl.ID]; !done {
					yes := r.IntN(2) == 0
					b.Votes[bl.ID] = yes
					err = send(map[string]any{"type": "vote", "ballot": bl.ID, "yes": yes})
				}
			}
			if rd := m.Round; err == nil && rd != nil && rd.Open && rd.Community == b.Community {
				if _, done := b.Decided[rd.ID]; !done {
					refuse := r.IntN(2) == 0
					b.Decided[rd.ID] = refuse
					err = send(map[string]any{"type": "decide", "round": rd.ID, "refuse": refuse})
				}
			}
		}
		if err != nil {
			return err
		}
	}
}

// dialFrom returns the options that make a WebSocket's connection from the
// local address ip (nil: the system's choice).
func dialFrom(ip net.IP) *websocket.DialOptions {
	if ip == nil {
		return nil
	}
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}}
	return &websocket.DialOptions{HTTPClient: &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}}
}
