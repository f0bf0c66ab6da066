package verify

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"
)

// A line of /proc/net/tcp for a server on 127.0.0.1:8080 and a client on
// port 40000, with 0x4e bytes not read yet, then read.
func TestRxQueueEmpty(t *testing.T) {
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		t.Skip("the table below is written for a little-endian host")
	}
	server, client := netip.MustParseAddrPort("127.0.0.1:8080"), netip.MustParseAddrPort("127.0.0.1:40000")
	const head = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	const other = "   0: 0100007F:1F90 0100007F:9C41 01 00000000:00000010 00:00000000 00000000     0        0 1 1 0 20 4 30 10 -1\n"
	for _, tt := range []struct {
		table    string
		read, ok bool
	}{
		{head + other + "   1: 0100007F:1F90 0100007F:9C40 01 00000000:0000004E 00:00000000 00000000     0        0 2 1 0 20 4 30 10 -1\n", false, true},
		{head + other + "   1: 0100007F:1F90 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 20 4 30 10 -1\n", true, true},
		{head + other, false, false},
	} {
		read, ok := rxQueueEmpty(strings.NewReader(tt.table), server, client)
		if read != tt.read || ok != tt.ok {
			t.Errorf("rxQueueEmpty = %v, %v; want %v, %v in\n%s", read, ok, tt.read, tt.ok, tt.table)
		}
	}
}
