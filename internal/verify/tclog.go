package verify

import (
	"io"
	stdlog "log"
	"os"
	"slices"
	"sync"

	tclog "github.com/testcontainers/testcontainers-go/log"
)

// tcLog is where testcontainers' log goes while runs keep it off the
// terminal: its logger is global, so two runs in one process (tests) share
// it, and each run's file gets the lines of both.
var tcLog struct {
	sync.Mutex
	files []io.Writer
	prev  tclog.Logger
}

type tcLogWriter struct{}

func (tcLogWriter) Write(p []byte) (int, error) {
	tcLog.Lock()
	defer tcLog.Unlock()
	for _, f := range tcLog.files {
		f.Write(p)
	}
	return len(p), nil
}

// quietTestcontainers sends testcontainers' log to path until the returned
// function is called.
func quietTestcontainers(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	tcLog.Lock()
	defer tcLog.Unlock()
	if len(tcLog.files) == 0 {
		tcLog.prev = tclog.Default()
		tclog.SetDefault(stdlog.New(tcLogWriter{}, "", stdlog.LstdFlags))
	}
	tcLog.files = append(tcLog.files, f)
	return func() {
		tcLog.Lock()
		defer tcLog.Unlock()
		tcLog.files = slices.DeleteFunc(tcLog.files, func(w io.Writer) bool { return w == io.Writer(f) })
		if len(tcLog.files) == 0 {
			tclog.SetDefault(tcLog.prev)
		}
		f.Close()
	}, nil
}
