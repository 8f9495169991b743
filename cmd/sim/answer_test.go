//go:build display

package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// BenchmarkAnswerInBrowser measures the default lesson's answer in the
// browser at a school laptop's speed: headless Chromium, its CPU throttled
// 4× (emulation.setCPUThrottlingRate), opens the page stepped to the answer
// (goto=reveal: the answer over every seed is computed while the worlds
// wait to start with the typical one, then they run to their end at the
// top speed), and it reports the seconds from opening the page to the
// answer shown: an upper bound on how long after the run's end the answer
// comes, for a lesson whose worlds start as soon as the page is open.
//
//	xvfb-run -a go test -tags display -run '^$' -bench AnswerInBrowser -benchtime 1x -timeout 60m ./cmd/sim
func BenchmarkAnswerInBrowser(b *testing.B) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		b.Skip("needs Debian's chromium: apt-get install chromium")
	}
	web := filepath.Join(b.TempDir(), "web")
	if out, err := exec.Command("bash", "../../scripts/build-web.sh", web).CombinedOutput(); err != nil {
		b.Fatalf("build-web.sh: %v\n%s", err, out)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(web)))
	defer srv.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.WindowSize(1280, 720),
		chromedp.Flag("use-angle", "swiftshader"), chromedp.Flag("enable-unsafe-swiftshader", true)) // WebGL in software, as RECIPES.md says
	for range b.N {
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelBrowser := chromedp.NewContext(actx)
		ctx, cancel := context.WithTimeout(ctx, 50*time.Minute)
		if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/index.html?scenario=datacenter-resistance&goto=reveal")); err != nil {
			b.Fatal(err)
		}
		answer, err := chromedp.Run(ctx, chromedp.Poll[string](`window.commonwealthAnswer`, chromedp.WithPollingInterval(time.Second), chromedp.WithPollingTimeout(0)))
		if err != nil {
			b.Fatalf("the answer never came: %v", err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s-to-answer")
		b.Logf("the answer: %q", answer)
		cancel()
		cancelBrowser()
		cancelAlloc()
	}
}
