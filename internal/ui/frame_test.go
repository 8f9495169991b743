//go:build display

// These need a display (ebiten starts one when imported): run them with
// xvfb-run -a go test -tags display -bench Frame ./internal/ui

package ui

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/hosting"
	"commonwealth/internal/scenario"
)

// frameScenario is two arms of Wright's model with 10,000 people each, the
// size the window is budgeted for.
const frameScenario = `name = "frame"
model = "capitalism"
people = 10000
months = 100000
[participation]
arm = "high wages"
predict = false
[[arm]]
name = "low wages"
capitalism.wage_max = 60
[[arm]]
name = "high wages"
capitalism.wage_max = 90
`

// TestMain runs the tests and benchmarks of this package beside a running
// game loop: ebiten draws for real only within a frame (drawing outside
// one is copied and deferred, which would measure the copying), and its
// loop must own the main thread. The benchmarks hand their frames to it.
func TestMain(m *testing.M) {
	ebiten.SetVsyncEnabled(false)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	ebiten.SetWindowSize(16, 16) // the jobs draw into images of their own: a small window is quick to show
	code := 0
	go func() {
		code = m.Run()
		close(loop.done)
	}()
	if err := ebiten.RunGame(loop); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(code)
}

// loop is the game loop the benchmarks draw in.
var loop = &frames{jobs: make(chan func(*ebiten.Image)), done: make(chan struct{})}

// frames runs one job a frame, handed over by a benchmark.
type frames struct {
	jobs chan func(*ebiten.Image)
	done chan struct{}
}

func (f *frames) Update() error {
	select {
	case <-f.done:
		return ebiten.Termination
	default:
		return nil
	}
}

func (f *frames) Draw(screen *ebiten.Image) {
	select {
	case job := <-f.jobs:
		job(screen)
	default:
	}
}

func (f *frames) Layout(int, int) (int, int) { return 16, 16 }

// inFrame runs job in the loop's next frame and waits for it.
func inFrame(job func(*ebiten.Image)) {
	ran := make(chan struct{})
	loop.jobs <- func(screen *ebiten.Image) {
		job(screen)
		close(ran)
	}
	<-ran
}

// BenchmarkFrame measures the program's own work in one frame (cpu-ms/frame:
// its thread's CPU time; wall-ms/frame also counts time the thread waited
// for a core; ns/op counts the wait for the loop's frames as well) at the default speed
// (half a month a frame) and at one month a frame: the model's steps for
// both arms and the months' measurements, then the whole frame's drawing —
// people, charts and text — as ebiten commands, without the GPU's (or
// Mesa's) work on them, which ebiten does after the frame.
func BenchmarkFrame(b *testing.B) {
	for _, speed := range []int{classroom.DefaultSpeed, classroom.DefaultSpeed + 1} {
		b.Run(fmt.Sprintf("months=%g", classroom.Speeds[speed]), func(b *testing.B) { benchFrame(b, speed, 0) })
	}
	b.Run(fmt.Sprintf("months=%g/class=200", classroom.Speeds[classroom.DefaultSpeed]), func(b *testing.B) { benchFrame(b, classroom.DefaultSpeed, 200) })
}

// benchFrame runs the frames at a speed; with students, a class of that
// many is hosted (on the loopback, joined directly), so each frame also
// syncs the class and each month tells every student their person's.
func benchFrame(b *testing.B, speed, students int) {
	sc, err := scenario.Parse("frame.toml", []byte(frameScenario), nil)
	if err != nil {
		b.Fatal(err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		b.Fatal(err)
	}
	sim.Paused = false
	sim.Speed = classroom.DefaultSpeed + 1 // a month an update while warming up
	opt := Options{}
	if students > 0 {
		h, err := hosting.NewHost(sim, "127.0.0.1:0", nil)
		if err != nil {
			b.Fatal(err)
		}
		defer h.Close()
		for i := range students {
			if _, _, err := h.Class.Join(h.Class.Code(), fmt.Sprintf("s%d", i), ""); err != nil {
				b.Fatal(err)
			}
		}
		opt.Host = h
	}
	g := New(sim, opt)
	for range 24 { // two years, so classes have formed
		sim.Update()
	}
	screen := ebiten.NewImage(DesignW, DesignH)
	inFrame(func(*ebiten.Image) { g.drawFrame(screen) })
	sim.Speed = speed
	var cpu, wall time.Duration // the program's own, in its frames
	b.ResetTimer()
	for range b.N {
		inFrame(func(*ebiten.Image) {
			runtime.LockOSThread() // so the thread's CPU time is the frame's
			defer runtime.UnlockOSThread()
			start, used := time.Now(), threadCPU()
			sim.Update()
			if opt.Host != nil {
				opt.Host.Sync(sim)
			}
			g.drawFrame(screen)
			cpu += threadCPU() - used
			wall += time.Since(start)
		})
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/frame")
	b.ReportMetric(float64(wall.Microseconds())/1000/float64(b.N), "wall-ms/frame")
}

// threadCPU is the CPU time the calling thread has used, from Linux's
// CLOCK_THREAD_CPUTIME_ID (3, which package syscall does not name): to the
// nanosecond, where getrusage counts in the scheduler's ticks.
func threadCPU() time.Duration {
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		panic(errno)
	}
	return time.Duration(ts.Nano())
}
