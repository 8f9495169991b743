//go:build display

package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// readyScript, added to the page, polls for the frames the program says it
// has drawn (window.commonwealthFrames) and, after 30, asks for /drawn.
const readyScript = `<script>
const poll = setInterval(() => {
  if ((window.commonwealthFrames || 0) >= 30) { clearInterval(poll); fetch("drawn"); }
}, 50);
</script>`

// TestBrowser builds the WebAssembly folder with the documented script,
// serves it on the loopback, loads it in headless Chromium and checks that
// the canvas shows the default scenario's panels.
func TestBrowser(t *testing.T) {
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
	// The screenshot is taken when the page has loaded; an image that the
	// server holds back until the program has drawn its first frames (the
	// page's script asks for /drawn then) keeps the page loading until then.
	drawnCh := make(chan struct{})
	var once sync.Once
	files := http.FileServer(http.Dir(web))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/index.html":
			page, _ := os.ReadFile(filepath.Join(web, "index.html"))
			w.Header().Set("Content-Type", "text/html")
			w.Write(bytes.Replace(page, []byte("</body>"), []byte(`<img src="ready.png" style="display:none">`+readyScript+`</body>`), 1))
		case "/drawn":
			once.Do(func() { close(drawnCh) })
		case "/ready.png":
			select {
			case <-drawnCh:
			case <-time.After(60 * time.Second):
				t.Error("the program never said it had drawn 30 frames")
			}
			png.Encode(w, image.NewGray(image.Rect(0, 0, 1, 1)))
		default:
			files.ServeHTTP(w, r)
		}
	}))
	defer srv.Close()
	shot := filepath.Join(dir, "browser.png")
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1280,720", "--timeout=90000",
		"--screenshot="+shot, srv.URL+"/index.html")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KEEP_SCREENSHOT") != "" {
		os.WriteFile(os.Getenv("KEEP_SCREENSHOT"), b, 0o644)
	}
	// The canvas keeps the window's 16:9 layout scaled into the page; the
	// people fill the upper half. The window starts paused at month 0, when
	// everyone is an unemployed grey square: count the drawn (not white,
	// not background) pixels there.
	if n := drawn(img, image.Rect(0, img.Bounds().Dy()/5, img.Bounds().Dx(), img.Bounds().Dy()*3/5)); n < 20000 {
		t.Fatalf("the canvas shows %d drawn pixels where the people should be: not drawn", n)
	}
}

// drawn counts the pixels in r darker than the page and the panels.
func drawn(img image.Image, r image.Rectangle) int {
	return count(img, r, func(c color.RGBA) bool { return max(c.R, c.G, c.B) < 200 })
}
