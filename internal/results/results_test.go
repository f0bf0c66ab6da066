package results

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// Verify that concurrent updates keep every example: verify runs of two
// subsets at once must not drop each other's results.
func TestUpdateConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.json")
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := Update(path, func(f *File) { f.Put(Example{ID: fmt.Sprintf("ex%02d", i), Status: StatusPass}) })
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	f, err := Read(path)
	if err != nil || f == nil {
		t.Fatalf("read: %v", err)
	}
	if len(f.Examples) != 20 {
		t.Fatalf("%d examples kept, want 20", len(f.Examples))
	}
	for i, e := range f.Examples {
		if want := fmt.Sprintf("ex%02d", i); e.ID != want {
			t.Errorf("examples[%d] = %s, want %s (sorted)", i, e.ID, want)
		}
	}
}

func TestReadMissing(t *testing.T) {
	f, err := Read(filepath.Join(t.TempDir(), "none.json"))
	if f != nil || err != nil {
		t.Errorf("Read(missing) = %v, %v; want nil, nil", f, err)
	}
}
