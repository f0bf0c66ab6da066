package verify

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strconv"
	"strings"
)

// serverHasRead reports whether the server side of the TCP connection from
// client to server, both IPv4 loopback addresses, has read every byte sent
// to it: its receive queue in /proc/net/tcp is empty. A connection still
// waiting to be accepted keeps the request in its queue; once the server
// has read the request, net/http serves it to the end on Shutdown. ok is
// false when that cannot be known (no such line, no /proc).
func serverHasRead(server, client netip.AddrPort) (read, ok bool) {
	f, err := os.Open("/proc/net/tcp")
	if err != nil {
		return false, false
	}
	defer f.Close()
	return rxQueueEmpty(f, server, client)
}

// rxQueueEmpty reads a /proc/net/tcp table for the line whose local
// address is server and remote address is client.
func rxQueueEmpty(r io.Reader, server, client netip.AddrPort) (read, ok bool) {
	local, remote := procAddr(server), procAddr(client)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		// sl local_address rem_address st tx_queue:rx_queue ...
		if len(f) < 5 || f[1] != local || f[2] != remote {
			continue
		}
		_, rx, found := strings.Cut(f[4], ":")
		n, err := strconv.ParseUint(rx, 16, 64)
		if !found || err != nil {
			return false, false
		}
		return n == 0, true
	}
	return false, false
}

// procAddr writes an IPv4 address and port as /proc/net/tcp does: the
// address as a 32-bit number in the host's byte order, the port in big
// endian, both in hex (127.0.0.1:8080 is 0100007F:1F90 on x86).
func procAddr(a netip.AddrPort) string {
	b := a.Addr().Unmap().As4()
	return fmt.Sprintf("%08X:%04X", binary.NativeEndian.Uint32(b[:]), a.Port())
}
