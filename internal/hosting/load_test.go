package hosting

import (
	"context"
	"fmt"
	"net"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// classSize is the class the load test and benchmark fill.
const classSize = 200

// fill runs n bots against a class asking them to predict, and returns
// them once each has joined and answered, with a function that stops them.
func fill(tb testing.TB, s *Server, n int, ping time.Duration) ([]*Bot, func()) {
	tb.Helper()
	s.SetState(message("state", map[string]any{"stage": "predict", "predict": true, "question": "?", "answers": []string{"a", "b", "c"}}))
	ctx, cancel := context.WithCancel(context.Background())
	bots := make([]*Bot, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range bots {
		bots[i] = &Bot{Name: fmt.Sprintf("bot %d", i), Seed: uint64(i), PingEvery: ping, From: loopback(i)}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := bots[i].Run(ctx, s.Page, s.Class.Code()); err != nil {
				errs <- err
			}
		}()
	}
	deadline := time.Now().Add(30 * time.Second) // a bound on a hung test, not a speed check
	for t := s.Class.Tally(); t.Joined < n || t.Answered < n; t = s.Class.Tally() {
		select {
		case err := <-errs:
			tb.Fatal(err)
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatalf("after 30 s: %d joined, %d answered of %d", t.Joined, t.Answered, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	var once sync.Once
	stop := func() { once.Do(func() { cancel(); wg.Wait() }) }
	tb.Cleanup(stop)
	return bots, stop
}

// voteAll opens a ballot for the bots, waits until they have all voted and
// done holds, closes it, stops the bots, and checks that every vote was
// counted once.
func voteAll(t testing.TB, s *Server, bots []*Bot, stop func(), done func() bool) {
	t.Helper()
	s.Class.Open(1, "Expropriate the data centres?")
	s.SetState(message("state", map[string]any{"stage": "watch", "ballot": map[string]any{"id": 1, "question": "?", "open": true}}))
	for deadline := time.Now().Add(30 * time.Second); s.Class.Tally().Voted < len(bots) || !done(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) { // a bound on a hung test, not a speed check
			t.Fatalf("after 30 s, %+v", s.Class.Tally())
		}
	}
	yes, no := s.Class.Close()
	stop()
	want := 0
	for _, b := range bots {
		if b.Votes[1] {
			want++
		}
	}
	if yes != want || no != len(bots)-want {
		t.Fatalf("%d yes and %d no counted; the bots voted %d yes of %d", yes, no, want, len(bots))
	}
}

// loopback returns the i'th of the loopback addresses 127.1.0.1 onwards,
// one for each simulated phone, as phones on the room's network have.
func loopback(i int) net.IP { return net.IPv4(127, 1, byte(i/250), byte(i%250+1)) }

// TestLoad fills a class with 200 simulated students who join, predict
// and vote, and checks that every answer and every vote is counted exactly
// once.
func TestLoad(t *testing.T) {
	s := serve(t, Config{Communities: 5, People: 1000, Answers: []string{"a", "b", "c"}})
	bots, stop := fill(t, s, classSize, 0)
	voteAll(t, s, bots, stop, func() bool { return true })
	tl := s.Class.Tally()
	if tl.Joined != classSize || tl.Answered != classSize || slices.Max(tl.Answers) == classSize {
		t.Fatalf("tally %+v", tl)
	}
	names := map[string]bool{}
	for _, st := range s.Class.Students() {
		names[st.Name] = true
	}
	if len(names) != classSize {
		t.Fatalf("%d distinct nicknames for %d students", len(names), classSize)
	}
}

// BenchmarkClass fills a class of 200, and one of 500 (the most a class
// holds), students pinging the host every 100 ms while it sends each of
// them a person's month 30 times a second, and reports the 95th percentile
// of the pings' round trips, each student's join (from connecting to being
// welcomed: its 95th percentile and the slowest), the time until every
// student had joined and answered, and the memory the class takes per
// student (host and phones together, in one process: an upper bound for
// the host's share, and the phones' work slows the host's answers).
//
//	go test -run '^$' -bench Class -benchtime 1x -count 3 ./internal/hosting
func BenchmarkClass(b *testing.B) {
	for _, n := range []int{classSize, MaxStudents} {
		b.Run(fmt.Sprintf("students=%d", n), func(b *testing.B) { benchClass(b, n) })
	}
}

func benchClass(b *testing.B, n int) {
	for range b.N {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		s := serve(b, Config{Communities: 5, People: 1000, Answers: []string{"a", "b", "c"}})
		start := time.Now()
		bots, stop := fill(b, s, n, 100*time.Millisecond)
		all := time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		month := message("person", map[string]any{"month": 1, "wealth": 100, "job": "unemployed", "skill": "100%", "burden": "0.00", "history": make([]int64, historyMonths)})
		for range 60 { // two seconds of monthly updates at 30 a second
			for _, st := range s.Class.Students() {
				s.Class.Send(st.Token, month)
			}
			time.Sleep(time.Second / 30)
		}
		stop()
		var pings, joins []time.Duration
		for _, bt := range bots {
			pings = append(pings, bt.Latencies...)
			joins = append(joins, bt.JoinTime)
		}
		if len(pings) == 0 {
			b.Fatal("no pings answered")
		}
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		b.ReportMetric(ms(p95(pings)), "p95-ms")
		b.ReportMetric(ms(p95(joins)), "join-p95-ms")
		b.ReportMetric(ms(slices.Max(joins)), "join-max-ms")
		b.ReportMetric(all.Seconds(), "all-joined-s")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n)/1024, "KiB/student")
	}
}

// p95 is the 95th percentile of ds (sorted in place).
func p95(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)*95/100]
}
