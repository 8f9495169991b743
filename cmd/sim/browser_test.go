//go:build display

package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
	"commonwealth/internal/waitfor"
)

// readyScript, added to the page, polls for the lesson stage the program
// says --goto reached (window.commonwealthStage) and then asks for /drawn,
// with the answer shown.
const readyScript = `<script>
const poll = setInterval(() => {
  if (window.commonwealthStage === STAGE && (window.commonwealthFrames || 0) >= 30) {
    clearInterval(poll);
    fetch("drawn?answer=" + encodeURIComponent(window.commonwealthAnswer || ""));
  }
}, 50);
</script>`

// maxDownload is the most the page may download: the gzipped program.
const maxDownload = 4_000_000

// TestBrowser builds the WebAssembly folder with the documented script and
// serves it as a plain static server would, without knowing the wasm type
// (every file as application/octet-stream). Headless Chromium opens a
// lesson stepped to its stages: watching, where the people must be drawn,
// and the answer, which must be the one this program computes natively for
// the same scenario. A mistyped scenario and a page opened from disk must
// explain themselves.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser (the browser build and headless Chromium take minutes)")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		// A newcomer's machine may have no browser; CI sets
		// COMMONWEALTH_REQUIRE_BROWSER so that there the test cannot skip.
		msg := "the browser test needs Debian's chromium: apt-get install chromium (.ci/run installs it)"
		if os.Getenv("COMMONWEALTH_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip("skipped: " + msg)
	}
	dir := t.TempDir()
	web := filepath.Join(dir, "web")
	if out, err := exec.Command("bash", "../../scripts/build-web.sh", web).CombinedOutput(); err != nil {
		t.Fatalf("build-web.sh: %v\n%s", err, out)
	}
	if info, err := os.Stat(filepath.Join(web, "sim.wasm.gz")); err != nil || info.Size() > maxDownload {
		t.Fatalf("the download: %v bytes (at most %d) %v", info.Size(), maxDownload, err)
	}
	b := &browser{t: t, chromium: chromium, dir: dir, web: web, serve: plainly}

	img, answer := b.shot("watch", "scenario=saving&goto=watch")
	if n := drawn(img, image.Rect(0, img.Bounds().Dy()/8, img.Bounds().Dx(), img.Bounds().Dy()/2)); n < 3000 {
		t.Errorf("watching: %d drawn pixels where the people should be", n)
	}
	if answer != "" {
		t.Errorf("watching, the page reports an answer: %q", answer)
	}

	img, answer = b.shot("reveal", "scenario=saving&goto=reveal&predict=2")
	sc, err := scenario.Load("saving", nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := classroom.NewReveal(sc)
	if err != nil {
		t.Fatal(err)
	}
	r.Start()
	waitfor.Until(t, "the native answer over every seed of saving", func() bool { return r.Answer() != nil })
	if want := sc.Lesson.Answers[r.Answer().Outcome]; answer != want {
		t.Errorf("the browser's answer %q; natively %q", answer, want)
	}
	card := image.Rect(100, img.Bounds().Dy()/4, img.Bounds().Dx()-100, img.Bounds().Dy()*3/4)
	if n := count(img, card, func(c color.RGBA) bool { return max(c.R, c.G, c.B) < 0x30 }); n < card.Dx()*card.Dy()/2 {
		t.Errorf("the answer's card covers %d of %d pixels", n, card.Dx()*card.Dy())
	}

	// A host that sends sim.wasm.gz with Content-Encoding: gzip (the browser
	// unpacks it on the way), and one that answers it with a page of its
	// own: the program still starts, from the bytes as they came or from
	// sim.wasm.
	for _, serve := range []serving{encoded, broken} {
		b.serve, b.fetched = serve, nil
		b.shot("title", "scenario=saving&goto=title")
		if plain := slices.Contains(b.paths(), "/sim.wasm"); plain != (serve == broken) {
			t.Errorf("%s: sim.wasm fetched %v, want %v (fetched %v)", serve, plain, serve == broken, b.paths())
		}
	}
	b.serve = plainly

	if dom := b.dom(b.url("scenario=nosuch")); !strings.Contains(dom, "There is no scenario called “nosuch”") || !strings.Contains(dom, "?scenario=saving") {
		t.Errorf("a mistyped scenario: the page says\n%s", dom)
	}
	if dom := b.dom("file://" + filepath.Join(web, "index.html")); !strings.Contains(dom, "has to come from a web server") {
		t.Errorf("opened from disk: the page says\n%s", dom)
	}
}

// serving is how the test's server sends sim.wasm.gz.
type serving string

const (
	plainly serving = "as a file"                       // its bytes, as any static server
	encoded serving = "with Content-Encoding: gzip"     // the browser unpacks it before the page sees it
	broken  serving = "as a host's page in place of it" // not the program at all
)

// browser runs headless Chromium on the built folder.
type browser struct {
	t             *testing.T
	chromium, dir string
	web           string
	srv           *httptest.Server
	wait          time.Duration // how long the page may take to reach its stage
	stage         string
	drawn         chan string
	once          sync.Once
	serve         serving
	mu            sync.Mutex
	fetched       []string // the paths asked for
}

// paths returns the paths the page has asked for.
func (b *browser) paths() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.fetched)
}

// url returns the page's address with query, starting the server once.
func (b *browser) url(query string) string {
	if b.srv == nil {
		files := http.FileServer(http.Dir(b.web))
		b.srv = httptest.NewServer(http.HandlerFunc(b.handle(files)))
		b.t.Cleanup(b.srv.Close)
	}
	return b.srv.URL + "/index.html?" + query
}

// handle serves the folder as a server that does not know the wasm type
// would; the page gets the ready script, and an image that the server holds
// back until the program has reached its stage (the page then asks for
// /drawn), so that Chromium's screenshot waits for it.
func (b *browser) handle(files http.Handler) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		b.fetched = append(b.fetched, r.URL.Path)
		b.mu.Unlock()
		w.Header().Set("Cache-Control", "no-store") // each page loads the program as served now, not as a shot before had it
		switch gz := strings.HasSuffix(r.URL.Path, ".gz"); {
		case gz && b.serve == encoded:
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Set("Content-Encoding", "gzip")
			files.ServeHTTP(w, r)
			return
		case gz && b.serve == broken:
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>Welcome to our school's web space</body></html>"))
			return
		}
		switch r.URL.Path {
		case "/index.html":
			if b.stage == "" { // as it is
				files.ServeHTTP(w, r)
				return
			}
			page, _ := os.ReadFile(filepath.Join(b.web, "index.html"))
			script := strings.Replace(readyScript, "STAGE", `"`+b.stage+`"`, 1)
			w.Header().Set("Content-Type", "text/html")
			w.Write(bytes.Replace(page, []byte("</body>"), []byte(`<img src="ready.png" style="display:none">`+script+`</body>`), 1))
		case "/drawn":
			b.once.Do(func() { b.drawn <- r.URL.Query().Get("answer") })
		case "/ready.png":
			select {
			case answer := <-b.drawn:
				b.drawn <- answer
			case <-time.After(b.wait):
				b.t.Errorf("the program never reached the stage %s in %v", b.stage, b.wait.Round(time.Second))
			}
			png.Encode(w, image.NewGray(image.Rect(0, 0, 1, 1)))
		default:
			if strings.HasSuffix(r.URL.Path, ".wasm") || strings.HasSuffix(r.URL.Path, ".gz") {
				w.Header().Set("Content-Type", "application/octet-stream")
			}
			files.ServeHTTP(w, r)
		}
	}
}

// flags run Chromium headless, with software rendering and no profile.
func (b *browser) flags(extra ...string) []string {
	return append([]string{"--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir=" + filepath.Join(b.dir, "profile"), "--window-size=1280,720",
		fmt.Sprintf("--timeout=%d", (b.wait + 10*time.Second).Milliseconds())}, extra...)
}

// shot loads the page with query, waits for the program to reach stage,
// and returns the screenshot and the answer the page reported.
func (b *browser) shot(stage, query string) (image.Image, string) {
	b.t.Helper()
	b.stage, b.drawn, b.once = stage, make(chan string, 1), sync.Once{}
	// The page may take as long as the test run allows, less the time
	// Chromium needs to take the picture and the test to report: software
	// WebGL on a busy machine is slow, and its speed is not known in advance.
	b.wait = max(waitfor.Budget(b.t)-20*time.Second, 0)
	start := time.Now()
	defer func() { b.t.Logf("%s: %v", stage, time.Since(start)) }()
	path := filepath.Join(b.dir, stage+".png")
	if out, err := exec.Command(b.chromium, b.flags("--screenshot="+path, b.url(query))...).CombinedOutput(); err != nil {
		b.t.Fatalf("chromium: %v\n%s", err, out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		b.t.Fatal(err)
	}
	if keep := os.Getenv("KEEP_SCREENSHOT"); keep != "" {
		os.WriteFile(keep+"-"+stage+".png", data, 0o644)
	}
	var answer string
	select {
	case answer = <-b.drawn:
	default:
		b.t.Fatalf("%s: the page never reported reaching the stage", stage)
	}
	return img, answer
}

// dom returns the page's document after its scripts have run.
func (b *browser) dom(url string) string {
	b.t.Helper()
	b.stage = ""
	out, err := exec.Command(b.chromium, b.flags("--virtual-time-budget=5000", "--dump-dom", url)...).Output()
	if err != nil {
		b.t.Fatalf("chromium --dump-dom %s: %v", url, err)
	}
	return string(out)
}
